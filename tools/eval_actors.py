"""Actor-code recall on the evaluation sets: is every gold actor code found among the resolved mentions
of its sentence (and how many coded mentions carry codes the gold never names)?

usage: python tools/eval_actors.py [../shared/eval/petrarch2_gsr.jsonl ../shared/eval/plover_gsr.jsonl]
Gold codes are mapped as DESIGN.md says (older CAMEO country codes -> ISO3; generic IGO/NGO match any
organisation of that kind). CAMEO actor codes may carry a sector suffix (USAGOV): the first three
letters are the country.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from dotterel import nlp
from dotterel.actors import resolve_actors

CAMEO_TO_ISO = {"JAP": "JPN", "UK": "GBR", "GER": "DEU", "SWI": "CHE", "DEN": "DNK", "BUL": "BGR",
                "SPN": "ESP", "POR": "PRT", "NIG": "NGA", "NGR": "NER", "ALG": "DZA", "ZIM": "ZWE",
                "MAL": "MYS", "PHI": "PHL", "IRE": "IRL", "TAJ": "TJK", "HAI": "HTI", "KUW": "KWT",
                "LEB": "LBN", "SAF": "ZAF", "SUD": "SDN", "ZAM": "ZMB", "CHA": "TCD", "SIE": "SLE",
                "GUI": "GIN", "LIB": "LBY", "MOR": "MAR", "ANG": "AGO", "VIE": "VNM", "PAL": "PSE",
                "MAC": "MKD", "CON": "COG", "DRC": "COD", "COD": "COD", "CAM": "KHM", "OMA": "OMN",
                "TAZ": "TZA", "GRE": "GRC", "NET": "NLD", "AUL": "AUS", "RUM": "ROU", "MEX": "MEX",
                "EUR": "EU", "UNO": "UN", "NAT": "NATO"}


ORG_CODES = {"UN", "EU", "NATO", "AU", "ASEAN", "ECOWAS", "OSCE", "ICC", "IAEA", "OPEC", "IMF", "WB", "WHO",
             "ARL", "GCC", "OAS", "OIC", "OAU", "WTO", "G7", "G8", "G20", "SCO", "CIS", "COE"}


def gold_codes(rec: dict) -> set[str]:
    out: set[str] = set()
    for ev in rec.get("expected", []):
        for side in ("source", "target"):
            val = ev.get(side)
            items = val if isinstance(val, list) else [val]
            for it in items:
                code = it.get("code") if isinstance(it, dict) else it
                if not code or code in ("---", "") or not isinstance(code, str):
                    continue
                code = code.upper()
                if code in CAMEO_TO_ISO:
                    out.add(CAMEO_TO_ISO[code])
                elif code in ("IGO", "NGO"):
                    out.add(code)
                elif len(code) >= 3 and code[:3].isalpha():
                    out.add(CAMEO_TO_ISO.get(code[:3], code[:3]))
    return out


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [Path("../shared/eval/petrarch2_gsr.jsonl"),
                                                Path("../shared/eval/plover_gsr.jsonl")]
    for path in paths:
        recs = [json.loads(line) for line in path.open(encoding="utf-8")]
        found = total = extra = coded = 0
        misses: list[str] = []
        docs = nlp.parse_many(r["text"] for r in recs)
        for rec, doc in zip(recs, docs):
            date = None
            raw = str(rec.get("date") or "")
            if len(raw) == 8 and raw.isdigit():
                date = dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
            mentions = resolve_actors(doc, date).mentions
            codes = {m.code for m in mentions if m.code}
            kinds = {m.kind for m in mentions if m.code}
            if codes & ORG_CODES:
                kinds.add("igo")
            gold = gold_codes(rec)
            for g in gold:
                total += 1
                hit = g in codes or (g == "IGO" and "igo" in kinds) or (g == "NGO" and "non_state" in kinds)
                found += hit
                if not hit:
                    misses.append(f"{g}: {rec['text'][:110]}")
            coded += len(codes)
            extra += len(codes - gold - {"UN"}) if gold else 0
        print(f"{path.name}: gold actor codes found {found}/{total} = {found / max(total, 1):.1%}; "
              f"coded mention codes not in gold: {extra}/{coded}")
        for m in misses[:25]:
            print("  miss", m)


if __name__ == "__main__":
    main()
