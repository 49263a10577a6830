"""Trigger patterns on authored sentences, through the real parser and actor resolution.

Each line pins one pattern of data/events/patterns.yaml the way a user would check it: the sentence in,
every event out as (type, actor codes, recipient codes, modality). Authored for these tests; no evaluation text.
"""

from __future__ import annotations

import pytest

from dotterel.model import SourceItem
from dotterel.pipeline import Analyzer

from coded import coded_events, expected_events

CASES = [
    # nature, accidents, markets and figures act on no one's behalf (a named storm too); a result is no retreat
    # (the bombing is an attack on the place it left its dead in)
    ("Typhoon Haima struck the northern Philippines, killing twelve people.", []),
    ("A fire destroyed two hundred homes in a refugee camp in Kenya.", []),
    ("A gas leak killed nine workers at a mine in Ukraine.", []),
    ("Cuba's economy was hit hard by a slump in sugar prices.", []),
    ("Share prices in Seoul shot up after the central bank's announcement.", []),
    ("The bombing left thirty people dead in a market in Kabul.", [("ASSAULT", [], ["AFG"], "asserted")]),
    ("Syrian troops left the town of Palmyra on Sunday.", [("RETREAT", ["SYR"], [], "asserted")]),
    # meeting a duty is no meeting; commentators agreeing that something is so make a claim
    ("Egypt said it would meet its obligations under the loan.", []),
    ("Experts agree that the drought in Somalia will worsen.", []),
    ("Iran rejected the American proposal.", [("REJECT", ["IRN"], ["USA"], "asserted")]),
    # trigger senses and predicate families: sanctions as the blow; denying a charge rejects the accuser;
    # regret or anger voiced over an act disapproves of its owner
    ("The United States hit Iran with new sanctions on Monday.", [("SANCTION", ["USA"], ["IRN"], "asserted")]),
    ("The Russian government denied the charges made by Ukraine.", [("REJECT", ["RUS"], ["UKR"], "asserted")]),
    ("Serbia rejected Kosovo's claims of police abuse.", [("REJECT", ["SRB"], ["XKX"], "asserted")]),
    ("France expressed regret over the Algerian decision.", [("ACCUSE", ["FRA"], ["DZA"], "asserted")]),
    ("Israel voiced anger at Turkey's decision to recall its ambassador.", [("ACCUSE", ["ISR"], ["TUR"], "asserted")]),
    # blow verbs in other senses: a deal struck is an agreement; records, rates and fuels are no victims
    ("Israel and Hamas struck a deal on the release of hostages.", [("AGREE", ["ISR", "PSE"], [], "asserted")]),
    ("Japanese exports hit a record in March.", []),
    ("The Bank of Japan targets inflation of two percent.", []),
    ("Workers in Nigeria burn fossil fuels to cook.", []),
    ("Russian missiles hit Kyiv overnight.", [("ASSAULT", ["RUS"], ["UKR"], "asserted")]),
    # market business: bids accepted at a tender are no agreement
    ("The central bank of Chile accepted bids for two billion pesos at its tender.", []),
    # releasing a statement or a video frees no one
    ("The Iraqi army released a statement on the attack.", []),
    ("Hamas released a video of the hostages.", []),
    ("Russia released two Ukrainian prisoners on Friday.", [("RETREAT", ["RUS"], ["UKR"], "asserted")]),
    # a reporter's question put to the speaker asks nothing of anyone
    ("Asked whether Turkey would close its border, the Turkish foreign minister smiled.", []),
    ("Asked about the Russian offer, the Chinese envoy said talks would continue.", []),
    # the owner of a decision, plan or bid acts in its infinitive ("Washington's decision to impose")
    ("Canada's decision to impose duties on Chinese steel surprised analysts.",
     [("SANCTION", ["CAN"], ["CHN"], "asserted")]),
    ("The decision by Canada to impose duties on Chinese steel surprised analysts.",
     [("SANCTION", ["CAN"], ["CHN"], "asserted")]),
    # a surname alone keeps the role its title gave ("Chilean Trade Minister Pablo Ortuzar ... Ortuzar")
    ("Chilean Trade Minister Pablo Ortuzar spoke on Monday. Ortuzar accused Peru of dumping steel.",
     [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    # unnamed domestic groups belong to the state the article is about (named twice as often as any other)
    ("Chile's president spoke in Santiago on Monday. Chilean ministers met in Valparaiso. "
     "Police fired tear gas at protesters.",
     [("CONSULT", ["CHL"], [], "asserted"), ("ASSAULT", ["CHL"], ["CHL"], "asserted")]),
    ("Japan and the United States resumed talks in Tokyo. Police fired tear gas at protesters.",
     [("CONSULT", ["JPN", "USA"], [], "asserted"), ("ASSAULT", [], [], "asserted")]),
    # state verbs: the noun after "on" names the event
    ("Syrian troops remained on high alert near the border on Sunday.", [("MOBILIZE", ["SYR"], [], "asserted")]),
    # stopping a gathering is coercion; breaking off a meeting is not
    ("Kenyan police prevented a march by opposition supporters in Nairobi.",
     [("COERCE", ["KEN"], ["KEN"], "asserted")]),
    ("Police in Belarus broke up a rally of opposition supporters.", [("COERCE", ["BLR"], ["BLR"], "asserted")]),
    # an existential "there were N X killed": the participle's noun is the victim
    ("There were twelve Armenian soldiers killed in Azerbaijan on Monday.",
     [("ASSAULT", ["AZE"], ["ARM"], "asserted")]),
    # out of talks is a discontinuation; out of a town a retreat
    ("The opposition pulled out of the talks with Venezuela's government on Friday.",
     [("SANCTION", [], ["VEN"], "asserted")]),
    ("Ethiopian troops pulled out of the Somali town of Baidoa.", [("RETREAT", ["ETH"], ["SOM"], "asserted")]),
    # calling a strike stages one; calling it off concedes (the talks it followed are an act of their own,
    # events/nominal.py)
    ("Nigerian unions called a general strike over fuel prices.", [("PROTEST", ["NGA"], ["NGA"], "asserted")]),
    ("Nigerian unions called off the general strike after talks with the government.",
     # (the unions held the talks: who acts after a meeting with Y took part in it)
     [("CONCEDE", ["NGA"], ["NGA"], "asserted"), ("CONSULT", ["NGA"], ["NGA"], "asserted")]),
    # a sum of money given is aid; hosting refugees is aid to the country they fled
    ("Norway granted $15 million to displaced families in Pakistan.", [("AID", ["NOR"], ["PAK"], "asserted")]),
    ("Uganda hosts more than a million South Sudanese refugees.", [("AID", ["UGA"], ["SSD"], "asserted")]),
    ("Azerbaijan handed back three villages to Armenia.", [("RETREAT", ["AZE"], ["ARM"], "asserted")]),
    # a reserve call-up to one's own frontier mobilises; troops sent abroad are aid
    ("India moved thousands of troops to its frontier in Ladakh.", [("MOBILIZE", ["IND"], [], "asserted")]),
    # police officers arriving abroad are a security mission (AID), not a visit
    ("Two hundred Kenyan police officers arrived in Haiti on Tuesday.", [("AID", ["KEN"], ["HTI"], "asserted")]),
    # wire style: "Congo" alone is the Democratic Republic
    ("Congo accused Rwanda of backing the rebels in Goma.", [("ACCUSE", ["COD"], ["RWA"], "asserted")]),
    # a town the small model calls a person is still a place after "in"
    # (the rally they were arrested at is a protest of its own: events/nominal.py)
    ("Police arrested dozens of students at a rally in Sivas.",
     [("COERCE", ["TUR"], ["TUR"], "asserted"), ("PROTEST", ["TUR"], ["TUR"], "asserted")]),
    # a cooperative act its own actor says it would do is promised: AGREE (but not on a condition)
    ("Turkey said it would reopen its border with Armenia next month.", [("AGREE", ["TUR"], ["ARM"], "asserted")]),
    ("Ankara confirmed it would send food aid to Gaza.", [("AGREE", ["TUR"], ["PSE"], "asserted")]),
    # seeking something of someone, insisting on something, are requests
    ("Ukraine sought more air defence systems from Germany.", [("REQUEST", ["UKR"], ["DEU"], "asserted")]),
    # phrase families: breaking a truce attacks, defying a ban refuses, denying a permit refuses,
    # deporting people coerces, inspecting sites investigates, setting fire to offices coerces
    ("Rebels violated the truce with the Colombian army on Sunday.", [("ASSAULT", ["COL"], ["COL"], "asserted")]),
    ("Opposition parties in Togo defied a ban on rallies.", [("REJECT", ["TGO"], [], "asserted")]),
    ("Hungary deported 40 Syrian migrants on Monday.", [("COERCE", ["HUN"], ["SYR"], "asserted")]),
    ("IAEA inspectors examined the reactor site in Iran.", [("ACCUSE", ["IAEA"], ["IRN"], "asserted")]),
    ("Rioters set fire to the Swedish embassy in Baghdad.", [("COERCE", ["IRQ"], ["SWE"], "asserted")]),
    ("Algeria refused landing permits to French military aircraft.", [("REJECT", ["DZA"], ["FRA"], "asserted")]),
    ("Rebels blew up a bus carrying Pakistani soldiers.", [("ASSAULT", ["PAK"], ["PAK"], "asserted")]),
    # control frames: "allowed X to V" acts on X; "called for X to V" asks X; refusing permission rejects
    ("Egypt allowed UN aid convoys to enter Gaza through the Rafah crossing.",
     [("RETREAT", ["EGY"], ["UN"], "asserted")]),
    ("Kenya called for Ethiopia to withdraw its troops from the border.", [("REQUEST", ["KEN"], ["ETH"], "asserted")]),
    ("Poland said it would not give permission to Hungary to hold the summit.",
     [("REJECT", ["POL"], ["HUN"], "asserted")]),
    # sense by object or complement
    ("Chile protested to Argentina over the incursion.", [("ACCUSE", ["CHL"], ["ARG"], "asserted")]),
    ("Greek teachers boycotted classes across the country on Monday.", [("PROTEST", ["GRC"], ["GRC"], "asserted")]),
    ("Myanmar's junta ordered the newspaper to suspend publication.", [("COERCE", ["MMR"], ["MMR"], "asserted")]),
    ("Armenia mobilized its reservists on Tuesday.", [("MOBILIZE", ["ARM"], [], "asserted")]),
    # speech-act nouns after light verbs request
    ("The ILO reiterated its demand that Qatar protect migrant workers.", [("REQUEST", ["UN"], ["QAT"], "asserted")]),
    ("Germany issued a stern reminder to Serbia that it must respect the ruling.",
     [("REQUEST", ["DEU"], ["SRB"], "asserted")]),
    ("Palestinian shopkeepers shunned work to protest against the new checkpoints.",
     [("PROTEST", ["PSE"], ["PSE"], "asserted")]),
    # an ethnic group is of the state it lives in
    ("Police killed two ethnic Uzbeks in southern Kyrgyzstan on Friday.", [("ASSAULT", ["KGZ"], ["KGZ"], "asserted")]),
    # the owner of the thing acted on is the recipient
    ("NATO tightened its naval blockade of Libya on Friday.", [("COERCE", ["NATO"], ["LBY"], "asserted")]),
    # standing with someone supports them; calling their act a threat accuses; troops sent to back a
    # government are aid to it
    ("Japan said it stood firmly with the Philippines.", [("SUPPORT", ["JPN"], ["PHL"], "asserted")]),
    ("Guyana called Venezuela's referendum a direct threat to its sovereignty.",
     [("ACCUSE", ["GUY"], ["VEN"], "asserted")]),
    ("Rwanda sent troops to support Mozambique's government against insurgents.",
     [("AID", ["RWA"], ["MOZ"], "asserted")]),
    # a people named after one state but living in another are of the latter; no plural is a person's name
    ("Bosnian Serbs shelled the town of Gorazde.", [("ASSAULT", ["BIH"], ["BIH"], "asserted")]),
    # a government's measure at home targets its own country
    ("The Thai government said it was ready to impose martial law.", [("THREATEN", ["THA"], ["THA"], "asserted")]),
    # "their countries" after coordinated actors is both of them; acting together, they have no recipient
    ("Senior Greek and Turkish officials agreed that their countries should resume talks.",
     [("AGREE", ["GRC", "TUR"], [], "asserted")]),
    # a travel advisory sanctions; pressure from someone is their request; an appositive names the object's class
    ("Britain advised against all travel to Haiti on Friday.", [("SANCTION", ["GBR"], ["HTI"], "asserted")]),
    ("Pakistan's president faces pressure from China to protect its workers.",
     [("REQUEST", ["CHN"], ["PAK"], "asserted")]),
    # (the unnamed attacker is of the place it acts in, never of the victim: CAMEO's local actor)
    ("The Ukraine International Airlines jet, a Boeing 737, was blown up over Tehran.",
     [("ASSAULT", ["IRN"], ["UKR"], "asserted")]),
    # a stance toward a state ("anti-Syrian") is no membership; a part of a place is in that place
    ("An anti-Syrian politician was killed in a bomb blast in a suburb of Beirut.",
     [("ASSAULT", ["LBN"], ["LBN"], "asserted")]),
    # the party a thing is directed at: "reneged on its commitment to the Kurdish people"
    ("India ended its ban on fuel exports to Nepal.", [("CONCEDE", ["IND"], ["NPL"], "asserted")]),
    # an unnamed object takes the state it is in, or the organisation it comes from
    ("Israel will evacuate all settlements in the Gaza Strip next month.", [("AGREE", ["ISR"], ["PSE"], "asserted")]),
    # a stative participle's subject acts: "is opposed to", "is committed to"
    ("Turkey is opposed to any Kurdish role in the talks.", [("REJECT", ["TUR"], [], "asserted")]),
    # attacking a policy or a rate rise is words, not force; attacking positions is force
    ("The French finance minister attacked the rise in German interest rates.",
     [("ACCUSE", ["FRA"], ["DEU"], "asserted")]),
    ("The opposition attacked the Kenyan government over its budget.", [("ACCUSE", [], ["KEN"], "asserted")]),
    ("Israeli jets attacked Hamas positions in Gaza.", [("ASSAULT", ["ISR"], ["PSE"], "asserted")]),
    # troops contributed to a mission in a state go to that state (a promise: AGREE, DESIGN.md)
    ("Ghana is ready to contribute 800 troops to a peacekeeping mission in Mali.",
     [("AGREE", ["GHA"], ["MLI"], "asserted")]),
    # what is not an event: courts and police on ordinary crime; the press one speaks to; a patient flown to a
    # hospital; trade in goods (offers, bids at a tender, agreeing to buy); a deal struck in a relative clause
    ("A court in Lahore sentenced a banker to ten years for fraud.", []),
    ("Egyptian prosecutors charged the mayor of Giza with embezzlement.", []),
    ("Police in Nairobi arrested a teacher for the murder of his neighbour.", []),
    ("Speaking to reporters in Ankara, the Turkish minister praised Azerbaijan.",
     [("SUPPORT", ["TUR"], ["AZE"], "asserted")]),
    ("The Chinese premier spoke with the German chancellor by phone.", [("CONSULT", ["CHN"], ["DEU"], "asserted")]),
    ("The Indonesian minister was flown to a hospital in Singapore.", []),
    ("The company offered 20 dlrs a share for the bank.", []),
    ("Norway rejected bids at its tender for 5,000 tonnes of sugar.", []),
    ("Kenya agreed to buy 40,000 tonnes of Tanzanian maize for prompt shipment.", []),
    ("Vietnam pledged 5,000 tonnes of rice to Laos.", [("AGREE", ["VNM"], ["LAO"], "asserted")]),
    ("Japan offered 3,000 tonnes of rice to Laos as a grant.", [("AGREE", ["JPN"], ["LAO"], "asserted")]),
    ("Turkey offered to mediate between Armenia and Azerbaijan.", [("AGREE", ["TUR"], ["ARM", "AZE"], "asserted")]),
    # leaving for a country visits it; leaving a building or nothing is no withdrawal, leaving a state is
    ("The Indian foreign minister left for Moscow on Monday.", [("CONSULT", ["IND"], ["RUS"], "asserted")]),
    ("As the minister left the courthouse, reporters shouted questions.", []),
    ("American troops left Afghanistan in 2021.", [("RETREAT", ["USA"], ["AFG"], "asserted")]),
    ("The drought left the reservoirs of Jordan empty.", []),
    # a month in a name is no march; in an article about an epidemic a lockdown is a health measure
    ("The Spanish league cancelled its spring tournament, March Madness, for both men and women.", []),
    ("Protests spread across Chile. The government imposed a curfew in Santiago.",
     [("PROTEST", ["CHL"], ["CHL"], "asserted"), ("COERCE", ["CHL"], ["CHL"], "asserted")]),
    ("Coronavirus cases rose again in Peru. The virus has spread to every province. Peru extended the national "
     "lockdown by two weeks. Chile imposed a curfew in Santiago.", []),
    # trigger senses: a question is no request, moving prices no pressure, a crowd going home no dispersal by
    # force, a clash of views or a fight against a tax no violence; a state protesting a measure accuses its owner
    ("The press asked the Kenyan president about the scandal.", []),
    ("Ukraine asked Germany to send more tanks.", [("REQUEST", ["UKR"], ["DEU"], "asserted")]),
    ("Investors pushed share prices in Manila to record highs.", []),
    ("Poland pushed for new sanctions on Russia.", [("REQUEST", ["POL"], ["RUS"], "asserted")]),
    ("The crowds dispersed peacefully after the speech in Dhaka.", []),
    ("His politics have clashed with the stances of Iranian leaders.", []),
    ("Farmers in France fought the proposed tax.", []),
    ("Chilean ministers battled all night to stop the copper deal in Geneva.", []),
    ("Chilean rebels battled all night to stop the army convoy.", [("ASSAULT", ["CHL"], ["CHL"], "asserted")]),
    ("Japan was fighting opening its rice market.", []),
    ("Rebels were fighting government troops near Goma.", [("ASSAULT", ["COD"], ["COD"], "asserted")]),
    ("Kurdish fighters clashed with Turkish troops near Afrin.", [("ASSAULT", ["TUR"], ["SYR"], "asserted")]),
    ("Canada protested the American tariffs on steel.", [("ACCUSE", ["CAN"], ["USA"], "asserted")]),
    ("Kenyan students protested the new tax in Nairobi.", [("PROTEST", ["KEN"], ["KEN"], "asserted")]),
    ("The Brazilian president attacked the impeachment inquiry.", [("ACCUSE", ["BRA"], [], "asserted")]),
    # figures and taxes act for no one
    ("The proposed levy would hit Argentine farmers hard.", []),
    ("Over 60% of the seats went to the opposition, giving it control of the Kenyan senate.", []),
    # a storm named once acts under its bare name and as "it" after it; a state does as "it"
    ("Typhoon Kammuri reached the coast of Luzon on Monday. Kammuri blocked roads across the Philippines. "
     "It also forced 40,000 residents of Manila to evacuate.", []),
    ("Heavy floods forced thousands of villagers in Bihar to leave their homes.", []),
    ("Russia expelled a Kenyan envoy. It also forced two Kenyan diplomats to leave Moscow.",
     [("SANCTION", ["RUS"], ["KEN"], "asserted"), ("COERCE", ["RUS"], ["KEN"], "asserted")]),
    # firms among themselves do business; a firm facing a government is a party to politics
    ("Representatives of major German banks are meeting in Frankfurt today to discuss the plan.", []),
    ("British oil companies rejected the demands of the Nigerian government.",
     [("REJECT", ["GBR"], ["NGA"], "asserted")]),
    # a central bank's money operations are no aid and no withdrawal
    ("The Austrian central bank disbursed further funds to commercial lenders today.", []),
    ("Norway's central bank abandoned its old overnight lending rate.", []),
    # a visit is to a party; a plan met with protests meets no one (the protests are an act of their own);
    # blaming a cause accuses no one; undertaking an act is no promise, but the act is the subject's;
    # "X must change" asks no one when X is no party
    ("The Indian premier visited Nepal on Monday.", [("CONSULT", ["IND"], ["NPL"], "asserted")]),
    ("Tourists visiting Venice must now pay a fee.", []),
    ("The new plan was met with protests in Paris.", [("PROTEST", ["FRA"], ["FRA"], "asserted")]),
    ("The official blamed the strong yen for the rise in unemployment.", []),
    ("Israel blamed Iran for the attack.", [("ACCUSE", ["ISR"], ["IRN"], "asserted")]),
    ("Israel undertook to withdraw from Lebanon.", [("AGREE", ["ISR"], ["LBN"], "asserted")]),
    ("Iraq undertook an act of aggression against Kuwait.", [("ASSAULT", ["IRQ"], ["KWT"], "asserted")]),
    ("Serbian forces committed acts of aggression against Bosnia.", [("ASSAULT", ["SRB"], ["BIH"], "asserted")]),
    ("The Kenyan president said the tax laws should be changed.", []),
    ("Germany said Russia must withdraw its troops.", [("REQUEST", ["DEU"], ["RUS"], "asserted")]),
    ("The Kenyan finance ministry said Kenyan gross domestic product should grow by 3 pct.", []),
    # a participle used as a preposition; a quote containing "to" is no act asked; rounding on someone
    # rebukes; taking over a firm, a firm's board resigning, organisms and fees are no politics
    ("Barring any new clashes, Russian troops will withdraw.", [("AGREE", ["RUS"], [], "asserted")]),
    ('She told an audience in Lagos, "I swear to you, I was speechless."', []),
    ("The minister rounded on his German counterpart.", []),
    ("Police rounded up dozens of dissidents in Minsk.", [("COERCE", ["BLR"], ["BLR"], "asserted")]),
    ("The group took control of the company last month.", []),
    ("Rebels took control of the airport in Goma.", [("COERCE", ["COD"], ["COD"], "asserted")]),
    ("The board of the Kenyan firm resigned.", []),
    ("Algae release oxygen into the water.", []),
    ("Egypt's wheat imports were cut by 200,000 tonnes to 9 mln tonnes.", []),
    ("The Tongan premier was evacuated from Tonga to a hospital in Auckland.", []),
    # an announced refusal is a REJECT, not a threat (DESIGN.md)
    ("Iran said it would reject any American proposal.", [("REJECT", ["IRN"], ["USA"], "asserted")]),
    # proposing a law at home legislates; proposing to let a party act promises it something
    ("The Kenyan government proposed an amendment to the election law.", []),
    ("Two Nigerian senators proposed to set term limits for governors.", []),
    ("The Japanese government proposed allowing imports of Thai rice.", [("AGREE", ["JPN"], ["THA"], "asserted")]),
    ("Some Kenyan lawmakers have proposed Uganda's share of the Kenyan market be limited to 3 pct.", []),
    # match reports: players act for no state; a state's people protesting are not the state protesting
    ("Argentina's striker hit the post twice.", []),
    ("Italy's players protested the referee's decision.", []),
    ("Liverpool beat Chelsea 2-1 on Sunday.", []),
    ("The Kenyan government protested the Ugandan ban on its milk.", [("ACCUSE", ["KEN"], ["UGA"], "asserted")]),
    # states and organisations adopt texts, demonstrators do not; a broadcaster's reporters withdraw from no one
    ("The Kenyan parliament approved the treaty with Uganda.", [("SUPPORT", ["KEN"], ["UGA"], "asserted")]),
    ("The demonstrators in Seoul adopted a declaration against the government.", []),
    ("The Kenyan broadcaster withdrew its reporters from Mogadishu.", []),
    # sinking a craft and poisoning a person attack; sinking prices and poisoned relations do not
    ("Chilean gunboats sank three Bolivian trawlers near the coast.", [("ASSAULT", ["CHL"], ["BOL"], "asserted")]),
    ("Peruvian share prices sank on Monday.", []),
    ("The spill poisoned relations between Chile and Peru.", []),
    # soldiers fleeing retreat, civilians fleeing do not; relinquishing control hands it over
    ("Peruvian soldiers fled the village after the shelling.", [("RETREAT", ["PER"], [], "asserted")]),
    ("Thousands of Peruvian civilians fled the fighting.", []),
    ("The Dutch relinquished control of the island to Indonesia in 1962.",
     [("RETREAT", ["NLD"], ["IDN"], "asserted")]),
    # opposition or objections voiced, objecting to a measure: rejections toward the measure's owner
    ("Canada has expressed opposition to the merger proposed by Brazil.", [("REJECT", ["CAN"], ["BRA"], "asserted")]),
    ("Norway reiterated its objections to the fishing quotas of the European Union.",
     [("REJECT", ["NOR"], ["EU"], "asserted")]),
    ("Poland and Hungary are objecting to the new rules of the European Union.",
     [("REJECT", ["HUN", "POL"], ["EU"], "asserted")]),
    # warning of retaliation if someone acts threatens them; warning of a recession forecasts
    ("Mexico warned of retaliation if the United States raised the tariffs.", [("THREATEN", ["MEX"], ["USA"], "asserted")]),
    ("The Chilean central bank warned of a recession next year.", []),
    # banning a country's imports sanctions it; a ruler suspending the legislature coerces at home
    ("The United States prohibited imports of Cuban sugar and tobacco.", [("SANCTION", ["USA"], ["CUB"], "asserted")]),
    ("The Kenyan president suspended parliament for a month.", [("COERCE", ["KEN"], ["KEN"], "asserted")]),
    ("A Swedish grocery chain limited purchases of flour to two bags per customer.", []),
    # an arrest warrant for another state's person threatens; one for a local burglar is police work
    ("A Kenyan court issued an arrest warrant for the Ugandan rebel leader.", [("THREATEN", ["KEN"], ["UGA"], "asserted")]),
    ("Police in Kenya issued a warrant for a man wanted for burglary.", []),
    # an act done in protest at a measure protests against its owner; heckling a leader protests; shouting at
    # reporters does not; critics of a plan, with their side named, accuse its owner
    ("Greek farmers dumped tonnes of milk in protest at the quotas of the European Union.",
     [("PROTEST", ["GRC"], ["EU"], "asserted")]),
    ("Kenyan students booed the Ugandan ambassador.", [("PROTEST", ["KEN"], ["UGA"], "asserted")]),
    ("The crowd shouted at reporters outside the court in Nairobi.", []),
    ("Chinese critics of the Japanese plan say it will fail.", [("ACCUSE", ["CHN"], ["JPN"], "asserted")]),
    # two leaders speaking by phone consult each other (a joint subject: both act)
    ("The presidents of Chile and Peru spoke by telephone on Friday.", [("CONSULT", ["CHL", "PER"], [], "asserted")]),
    # pinning an attack on a party accuses it; pinning a price rise on a drought accuses no one
    ("South Korea attributed the cyberattack to North Korea.", [("ACCUSE", ["KOR"], ["PRK"], "asserted")]),
    ("Chile attributed the rise in prices to the drought.", []),
    # an announced refusal to tolerate an act warns whoever would do it (DESIGN: THREATEN)
    ("Turkey will not allow Greek ships to drill near Cyprus.", [("THREATEN", ["TUR"], ["GRC"], "asserted")]),
    ("Turkey said it would not allow Greek ships to drill near Cyprus.", [("THREATEN", ["TUR"], ["GRC"], "asserted")]),
    # raising duties on another state's goods sanctions it, a levy raised at home does not; halving aid cuts it
    ("Canada will increase tariffs on Chinese steel next month.", [("SANCTION", ["CAN"], ["CHN"], "future")]),
    ("The Kenyan government raised the levy on fuel.", []),
    ("Chile agreed to lift the tariffs on Peruvian fruit.", [("AGREE", ["CHL"], ["PER"], "asserted")]),  # lifting eases
    ("Brazil decided to halve its aid to Bolivia.", [("SANCTION", ["BRA"], ["BOL"], "asserted")]),
    # soldiers deploying with no object move themselves
    ("Syrian government forces began deploying into the Kurdish region.", [("MOBILIZE", ["SYR"], [], "asserted")]),
    ("Some 8,000 Kenyan troops stay deployed at the northern border posts.", []),  # a standing deployment
    # retaliating with duties sanctions (announced, it threatens); retaliating with gunboats attacks
    ("Chile retaliated with tariffs on Peruvian fruit.", [("SANCTION", ["CHL"], ["PER"], "asserted")]),
    ("Chile said it was prepared to retaliate against Peru with punitive tariffs.",
     [("THREATEN", ["CHL"], ["PER"], "asserted")]),
    ("Peruvian gunboats retaliated against Chilean trawlers.", [("ASSAULT", ["PER"], ["CHL"], "asserted")]),
    # acceptance refused with a modal is a rejection; a plain past "did not accept" stays a negated agreement
    ("Germany cannot accept the proposals of the European Commission.", [("REJECT", ["DEU"], ["EU"], "asserted")]),
    ("Chile will not endorse the Peruvian plan.", [("REJECT", ["CHL"], ["PER"], "asserted")]),
    ("Chile did not accept the Peruvian offer.", [("AGREE", ["CHL"], ["PER"], "negated")]),
    # a call renewed is a request (a phone call renewed is talks); readiness voiced to help a party promises it,
    # readiness voiced to strike one threatens it
    ("Chile renewed its call for Peru to release the fishermen.", [("REQUEST", ["CHL"], ["PER"], "asserted")]),
    ("The Chilean president renewed the phone call with Peru.", [("CONSULT", ["CHL"], ["PER"], "asserted")]),
    ("Kenya signalled its willingness to resume talks with Uganda.", [("AGREE", ["KEN"], ["UGA"], "asserted")]),
    ("Kenya expressed its readiness to strike the Ugandan rebels.", [("THREATEN", ["KEN"], ["UGA"], "asserted")]),
    ("Kenya expressed its willingness to host the games.", []),
    # custody, riot weapons used on people, a vote against, wanting a party to act, appreciation, impeachment
    ("Two Bolivian miners were taken into custody by the police.", [("COERCE", ["BOL"], ["BOL"], "asserted")]),
    ("Bolivian police used tear gas and rubber bullets against the miners.", [("ASSAULT", ["BOL"], ["BOL"], "asserted")]),
    ("The Swiss parliament voted against the treaty with the European Union.", [("REJECT", ["CHE"], ["EU"], "asserted")]),
    ("Brazil wants Argentina to lower its tariffs on cars.", [("REQUEST", ["BRA"], ["ARG"], "asserted")]),
    ("Brazil wants to win the cup.", []),
    ("Chile appreciated the support of Peru.", [("SUPPORT", ["CHL"], ["PER"], "asserted")]),
    ("The Chilean opposition called the Peruvian plan shameful.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    # "I"/"we" inside a quotation are its speaker (named after the quote, or a pronoun for one named before);
    # a speaker of no known side lends no one
    ('"We will never accept these sanctions," the Chilean foreign minister told reporters.',
     [("REJECT", ["CHL"], [], "asserted")]),
    ('The Chilean president met Peruvian envoys on Monday. "I urge Peru to release the detained fishermen," he said.',
     [("CONSULT", ["CHL"], ["PER"], "asserted"), ("REQUEST", ["CHL"], ["PER"], "asserted")]),
    ('"We will send troops to the border," a retired colonel said.', []),
    ('"Peruvian troops attacked our positions near the border," the Chilean defence minister said.',
     [("ASSAULT", ["PER"], ["CHL"], "asserted")]),
    # arrests with no named doer: the police of the place named, else of the article's one state; none
    # where no state is known, nor for ordinary crime; suspects are no one's by default, unnamed people the state's
    ("Sixty students were taken into custody in Peru on Sunday.", [("COERCE", ["PER"], ["PER"], "asserted")]),
    ("Protests against the Bolivian government spread on Monday. Bolivia's president called for calm. Bolivian "
     "unions vowed to go on. About forty people were detained overnight.",
     [("PROTEST", [], ["BOL"], "asserted"), ("REQUEST", ["BOL"], [], "asserted"), ("AGREE", ["BOL"], [], "asserted"),
      ("COERCE", ["BOL"], ["BOL"], "asserted")]),
    ("Protests against the Bolivian government spread on Monday. Bolivia's president called for calm. Bolivian "
     "unions vowed to go on. Two suspects were arrested overnight.",
     [("PROTEST", [], ["BOL"], "asserted"), ("REQUEST", ["BOL"], [], "asserted"), ("AGREE", ["BOL"], [], "asserted"),
      ("COERCE", ["BOL"], [], "asserted")]),
    ("Ninety people were detained overnight.", []),
    ("A man was arrested for the murder of his neighbour in Ohio.", []),
    # a clause with a doer of its own is a second act; a conjunct with none restates the first
    ("Kenyan teachers rallied outside parliament in Nairobi while Ugandan nurses blocked a highway near Kampala.",
     [("PROTEST", ["KEN"], ["KEN"], "asserted"), ("PROTEST", ["UGA"], ["UGA"], "asserted")]),
    ("Chilean miners marched in Santiago and blocked roads in Antofagasta.", [("PROTEST", ["CHL"], ["CHL"], "asserted")]),
    # victims with no doer named belong to an attack the sentences before report (aimed at the article's
    # state when no place is named, but people of no known side stay so); after an accident, or killed by a
    # fire, they are no attack's; more victims of one act are that act
    ("Peru's president spoke in Lima. Peru's army chief met Peru's police. Gunmen attacked a police station in "
     "Lima on Monday. A cook was killed in the kitchen. Two guards were also wounded.",
     [("CONSULT", ["PER"], ["PER"], "asserted"), ("ASSAULT", ["PER"], ["PER"], "asserted"),
      ("ASSAULT", [], ["PER"], "asserted"), ("ASSAULT", [], [], "asserted")]),
    ("Chilean troops shelled Bolivian positions near the border, and three soldiers were wounded.",
     [("ASSAULT", ["CHL"], ["BOL"], "asserted")]),
    ("In Kisumu a Kenyan judge was shot and two bodyguards wounded when masked men opened fire on her car.",
     [("ASSAULT", [], ["KEN"], "asserted"), ("ASSAULT", ["KEN"], [], "asserted")]),
    ("Peru's president spoke in Lima. Peru's army chief met Peru's police. A bus overturned on a highway on "
     "Monday. Nine passengers were killed and twenty were injured.", [("CONSULT", ["PER"], ["PER"], "asserted")]),
    ("Gunmen stormed a hotel in Bamako. Two guests were killed when a fire broke out in the kitchen.",
     [("ASSAULT", ["MLI"], ["MLI"], "asserted")]),
    ("A cook was killed in the kitchen of the old embassy.", []),
    # an attack's "by" phrase on a participle names the attacker; harm done when a craft crashed, or a crashing
    # craft hitting something, is an accident, not an attack
    ("Two Israeli soldiers died in an attack carried out by Hamas.", [("ASSAULT", ["PSE"], ["ISR"], "asserted")]),
    ("Nine passengers were killed in Chile on Sunday when a small plane crashed on landing near Temuco.", []),
    ("A cargo jet skidded off the runway in Santiago and hit a fuel truck.", []),
    ("Nine passengers were killed in Chile on Sunday when rebels attacked a bus near Temuco.",
     [("ASSAULT", ["CHL"], ["CHL"], "asserted"), ("ASSAULT", ["CHL"], ["CHL"], "asserted")]),
    # armies driving the enemy out or advancing attack (not when pushing for talks or advancing plans);
    # soldiers entering towns mobilise; giving up a right retreats; reluctance is no act yet
    ("Ukrainian units pushed Russian troops out of two villages near Kherson.",
     [("ASSAULT", ["UKR"], ["RUS"], "asserted")]),
    ("Sudanese troops kept advancing, a spokesman said.", [("ASSAULT", ["SDN"], [], "asserted")]),
    ("The Pakistani army pushed for talks with India.", [("REQUEST", ["PAK"], ["IND"], "asserted")]),
    ("The Chinese military advanced its plans for a new carrier.", []),
    ("Ethiopian soldiers entered the town of Shire on Tuesday.", [("MOBILIZE", ["ETH"], [], "asserted")]),
    ("The Indian army entered the final phase of its exercise.", []),
    ("Norway waived the penalty on Icelandic trawlers.", [("RETREAT", ["NOR"], ["ISL"], "asserted")]),
    ("The European Union is reluctant to lift its sanctions on Belarus.", [("RETREAT", ["EU"], ["BLR"], "hypothetical")]),
    ("Striking dockers in Valparaiso traded rocks for rubber bullets with riot police.",
     [("ASSAULT", ["CHL"], [], "asserted")]),
    ("Chile and Peru traded goods worth two billion dollars last year.", []),
    # a weapon going off or landing in a named place is an attack by no one named (a planted bomb is the place's
    # side, by the local-actor convention; a fired rocket's is not: where it landed is the target's place; a
    # named owner of the weapon acts); gas cylinders, fireworks and crashing drones not
    ("A car bomb exploded outside a police station in Kabul on Monday.", [("ASSAULT", ["AFG"], ["AFG"], "asserted")]),
    ("Two rockets landed near the airport in Baghdad overnight.", [("ASSAULT", [], ["IRQ"], "asserted")]),
    ("A truck bomb was detonated outside a police compound in Kandahar.", [("ASSAULT", ["AFG"], ["AFG"], "asserted")]),
    ("A gas cylinder exploded in a restaurant in Lahore.", []),
    ("Fireworks exploded over the harbour in Sydney.", []),
    ("The drone crashed in a field in Poland.", []),
    ("A roadside bomb went off near a convoy.", []),
    # word senses of protest, blow and resignation verbs: polls rally, speakers demonstrate a consensus, teachers
    # launch a labour strike, central banks fight inflation, a president fires an aide, prices hit a country,
    # managers resign from companies
    ("The Green party has rallied to 18 percent in opinion polls.", []),
    ("The Ghanaian trial results demonstrated the value of the new vaccine.", []),
    ("Thousands of Kenyan students demonstrated in Nairobi on Monday.", [("PROTEST", ["KEN"], ["KEN"], "asserted")]),
    ("Argentine bank clerks launched a national strike on Monday.", [("PROTEST", ["ARG"], ["ARG"], "asserted")]),
    ("Rebels launched a strike on the army base in Goma.", [("ASSAULT", ["COD"], ["COD"], "asserted")]),
    ("The Chilean central bank raised rates again to fight inflation.", []),
    ("The Kenyan president fired his chief of staff on Monday.", []),
    ("Gunmen fired rockets at the base in Kandahar.", [("ASSAULT", ["AFG"], ["AFG"], "asserted")]),
    ("Ghana's cocoa farmers were hit by a plunge in world prices.", []),
    ("The new reforms have hit small firms across Kenya.", []),
    ("Maria Lopez resigned as chairwoman and a director of the bank.", []),
    ("The Peruvian prime minister resigned on Monday.", [("RETREAT", ["PER"], [], "asserted")]),
    # a board sanctioning a repurchase approves it; a relief operation is no attack; retaliating against
    # tariffs is a trade sanction; delays hit no one
    ("The bank's board sanctioned the purchase of a rival insurer.", []),
    ("The UN sanctioned two Libyan officials.", [("SANCTION", ["UN"], ["LBY"], "asserted")]),
    ("Kenya launched a flood relief operation in the Tana River valley.", []),
    ("The Kenyan government retaliated against the Ugandan tariffs.", [("SANCTION", ["KEN"], ["UGA"], "asserted")]),
    ("The port project was hit by new delays.", []),
    # things thrown at people are blows
    ("Protesters threw stones and bottles at police in Santiago.", [("ASSAULT", ["CHL"], ["CHL"], "asserted")]),
    # verbal predicates: "needs to"/"has to" in reported speech asks as "must" does (not of oneself, not "has
    # yet to"); "unable to" negates; "cannot countenance" refuses; concern voiced over a party's act disapproves
    ("Kenya said Uganda needs to withdraw its troops from the border.", [("REQUEST", ["KEN"], ["UGA"], "asserted")]),
    ("Ghana said Togo has to reopen the border.", [("REQUEST", ["GHA"], ["TGO"], "asserted")]),
    ("Ghana said it has to cut spending.", []),
    ("Ghana said it has yet to receive the Togolese proposal.", []),
    ("The finance minister said the economy needs to grow faster.", []),
    ("Analysts said Japan needs to open its rice market.", []),
    # what commentators, the press or a report say a party must do is a view, not a request
    ("Economists said Japan should cut interest rates.", []),
    ("The report said the Japanese government must expand domestic demand.", []),
    ("Chile said Peru would have to pay compensation.", []),
    ("Peru was unable to reach an agreement with Ecuador.", [("AGREE", ["PER"], ["ECU"], "negated")]),
    ("Germany cannot countenance the new proposals of the European Commission.",
     [("REJECT", ["DEU"], ["EU"], "asserted")]),
    ("Peru expressed concern over the Chilean missile tests.", [("ACCUSE", ["PER"], ["CHL"], "asserted")]),
    ("Peru voiced concern about rising food prices.", []),
    # a law or a bill that allows or gives is no concession, and what it allows is only possible; giving in is
    ("Parliament passed a law allowing the police to detain protesters.", []),
    ("The new bill would give Congress a larger role in foreign policy.", []),
    ("The Bolivian government gave in to the demands of the miners.", [("CONCEDE", ["BOL"], ["BOL"], "asserted")]),
    # declining to comment refuses no one; a plan or a law "calling for" something asks no one; the press met is
    # no counterpart
    ("The Bolivian foreign minister refused to comment on the Chilean offer.", []),
    ("A Kenyan police spokesman refused to say whether the suspects had been charged.", []),
    ("Chile refused the Peruvian offer.", [("REJECT", ["CHL"], ["PER"], "asserted")]),
    ("The Bolivian government's plan calls for higher taxes on mining firms.", []),
    ("The new law calls for elections within ninety days.", []),
    ("Chile called for Peru to release the fishermen.", [("REQUEST", ["CHL"], ["PER"], "asserted")]),
    ("The Kenyan president met reporters in Nairobi.", []),
    ("The Kenyan president met his Ugandan counterpart in Nairobi.", [("CONSULT", ["KEN"], ["UGA"], "asserted")]),
    # ignoring refuses only what was asked or ordered; a vow to step up raids threatens; "would" after a
    # reporting verb is the report's future (a promised visit is AGREE)
    ("The Kenyan government ignored the calls of the United Nations for a ceasefire.",
     [("REJECT", ["KEN"], ["UN"], "asserted")]),
    ("The Kenyan parliament ignored the voters.", []),
    ("Iraqi troops sank a tanker and vowed to step up such raids.",
     [("ASSAULT", ["IRQ"], [], "asserted"), ("THREATEN", ["IRQ"], [], "asserted")]),
    ("Ugandan rebels stepped up their attacks on Kenyan villages.", [("ASSAULT", ["UGA"], ["KEN"], "asserted")]),
    ("Jordan and Britain have agreed to carry out joint military drills this month.",
     [("AGREE", ["GBR", "JOR"], [], "asserted")]),
    ("The Kenyan minister refused to answer questions about the contract.", []),
    ("Chile said its foreign minister would visit Peru next month.", [("AGREE", ["CHL"], ["PER"], "asserted")]),
    ("Chile said Peru would attack the border town of Arica.", [("ASSAULT", ["PER"], ["CHL"], "future")]),
    # a reported clause calling a party's act unacceptable or a violation condemns it; calling reports baseless
    # denies them; a quoted adjective after the object is what the object is called
    ("The Chilean foreign minister said the Peruvian plan was unacceptable.",
     [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("The Syrian envoy said the Israeli action was a violation of the truce.",
     [("ACCUSE", ["SYR"], ["ISR"], "asserted")]),
    ("Chile said the Peruvian reports were baseless.", [("REJECT", ["CHL"], ["PER"], "asserted")]),
    ("The Chilean coach said the prices were ridiculous.", []),
    # "... and warned X", hung by the parser on the reported "were", is the speaker's own second act
    ("Chile said the Peruvian reports were baseless and warned Peru not to interfere in the region.",
     [("REJECT", ["CHL"], ["PER"], "asserted"), ("THREATEN", ["CHL"], ["PER"], "asserted")]),
    ("Chile said the talks were useful and warned Peru not to interfere in the region.",
     [("THREATEN", ["CHL"], ["PER"], "asserted")]),
    ("Chile said the Peruvian plan was not illegal.", []),
    ("A Labour lawmaker called the Chilean government's proposed budget \"disgraceful\".",
     [("ACCUSE", [], ["CHL"], "asserted")]),
    # light verbs with a noun of criticism criticise; entering into an agreement agrees (firms among themselves: no)
    ("Chile voiced sharp criticism of the Peruvian plan.", [("ACCUSE", ["CHL"], ["PER"], "asserted")]),
    ("Chile restated its objections to the Peruvian plan.", [("REJECT", ["CHL"], ["PER"], "asserted")]),
    ("The Kenyan president levelled criticism at Uganda over the border closure.",
     [("ACCUSE", ["KEN"], ["UGA"], "asserted")]),
    ("Chile entered into an agreement with Peru on fishing rights.", [("AGREE", ["CHL"], ["PER"], "asserted")]),
    ("The two firms entered into an agreement on prices.", []),
    # wanting what another party must grant demands it; wanting a thing no one grants asks no one
    ("Chile wants an apology from Peru.", [("REQUEST", ["CHL"], ["PER"], "asserted")]),
    # (people wanting what no party named must grant ask their own country: plover.csv domestic_target)
    ("Bolivian railway workers want pay rises of eight percent.", [("REQUEST", ["BOL"], ["BOL"], "asserted")]),
    ("Kenyan farmers want more rain.", []),
    ("Japan wants a bigger share of the market.", []),
    ("The British finance minister said he neither wanted a rise nor a fall in sterling.", []),
    # a clause of time or reason under a verbal act is an event of its own, not the act's content
    ("Chile condemned Peru after Peruvian troops shelled the border town of Arica.",
     [("ACCUSE", ["CHL"], ["PER"], "asserted"), ("ASSAULT", ["PER"], ["CHL"], "asserted")]),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_pattern_codes_the_authored_sentence(analyzer: Analyzer, text: str,
                                             expected: list[tuple[str, list[str], list[str], str]]) -> None:
    # the whole event list: a pattern that starts coding a second event in its own example fails here
    assert coded_events(analyzer, text) == expected_events(expected)


@pytest.mark.parametrize("text,absent", [
    ("The Japanese navy may send warships to the Taiwan Strait, Chinese officials warned.", "THREATEN"),
    ("A powerful earthquake struck eastern Turkey before dawn on Monday.", "ASSAULT"),
    ("Floods destroyed thousands of homes across Pakistan's Sindh province.", "ASSAULT"),
    ("The rebels said they would meet the envoy if the army withdrew first.", "AGREE"),
    # an attempt is no request; insisting that something is so is a statement
    ("Japan is seeking to improve ties with South Korea.", "REQUEST"),
    ("The Brazilian inspectors want to visit the plants in Argentina.", "REQUEST"),  # wanting to act asks no one
    ("Moscow insisted the exercises were purely defensive.", "REQUEST"),
    ("The Saudi government mobilized lobby groups in Washington.", "MOBILIZE"),
    # what protesters say while protesting is a claim; a conjunct inside a refused act is content too
    ("Students staged rallies in Dhaka against the government, saying the minister must resign.", "RETREAT"),
    ("The rebels refused to allow UN helicopters to land and evacuate the wounded.", "AID"),
    ("Taliban-ruled Afghanistan has been sharing intelligence with Iran.", "REJECT"),
    ("Colombia's president called the ceasefire a great achievement.", "ACCUSE"),
    # the noun a relative clause modifies is what its verb acts on: an accord struck is no blow
    ("The accord that the central banks struck in Rome has held.", "ASSAULT"),
])
def test_no_event_where_a_user_sees_none(analyzer: Analyzer, text: str, absent: str) -> None:
    # a warning about someone else's act is a claim, not a threat; nature is no actor
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t")])
    assert absent not in {e.type for e in doc.events if e.modality != "negated"}


def test_breaking_off_a_meeting_is_no_coercion(analyzer: Analyzer) -> None:
    (doc,) = analyzer.analyze_many([SourceItem(text="The two delegations broke off the meeting after an hour.", id="t")])
    assert "COERCE" not in {e.type for e in doc.events}


def test_a_state_whose_phrase_holds_the_act_is_not_its_local_actor(analyzer: Analyzer) -> None:
    # "Chile, a copper exporter hit by ...": Chile is what the act describes, never the unnamed actor
    (doc,) = analyzer.analyze_many([SourceItem(text="Chile, a copper exporter hit by the slump in prices, cut rates.",
                                               id="t")])
    assert not [e for e in doc.events if e.trigger.text == "hit" and any(a.code == "CHL" for a in e.actor)]
