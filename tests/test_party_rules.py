"""Who the parties of an event are, on authored sentences through the real parser and actor resolution
(events/parties.py, events/conventions.py, actors/): parties the text names are filled, and victims,
sources and speakers are never made the actor. Authored for these tests; no evaluation text."""

from __future__ import annotations

import pytest

from dotterel.model import SourceItem
from dotterel.pipeline import Analyzer

Coded = tuple[str, list[str], list[str]]

CASES: list[tuple[str, str, list[Coded]]] = [
    # the victim is not the unnamed actor, nor is whoever reports the act
    ("Two Venezuelan boats were destroyed near the coast.", "destroyed", [("ASSAULT", [], ["VEN"])]),
    ("Seventeen rockets struck near the base, according to Colombian army officers.", "struck",
     [("ASSAULT", [], [])]),
    ("In Lima, Peruvian officials said mortar rounds hit the barracks.", "hit", [("ASSAULT", [], [])]),
    # ... but a speaker reporting its own act is its actor, and a place inside what is hit still counts
    ("The rebels said they had attacked Mali.", "attacked", [("ASSAULT", [], ["MLI"])]),
    ("Gunmen shelled a northern part of Chad's capital N'Djamena.", "shelled", [("ASSAULT", ["TCD"], ["TCD"])]),
    # unnamed warplanes or troops striking a place are not of the place struck (no accidental self-dyad)
    ("Warplanes bombed a power station in northern Syria.", "bombed", [("ASSAULT", [], ["SYR"])]),
    ("Warplanes hit the jetty at Iran's Kharg oil terminal.", "hit", [("ASSAULT", [], ["IRN"])]),
    # ... unless their own army reports it
    ("In a statement, the Kenyan army said troops had killed 20 militants near the border.", "killed",
     [("ASSAULT", ["KEN"], [])]),
    # "the two institutions": the last two people or bodies named, not the states and towns around
    ("The IMF and the World Bank met Kenyan officials in Nairobi. The two institutions promised support for Kenya.",
     "promised", [("AGREE", ["IMF", "WB"], ["KEN"])]),
    ("The IMF and the World Bank sent missions to Chile. Both institutions promised support for the Chilean plan.",
     "promised", [("AGREE", ["IMF", "WB"], ["CHL"])]),
    # ... only when definite: two others are no pair named before; nor are states "institutions"
    ("The IMF and the World Bank met Kenyan officials on Monday. Two other institutions rejected the offer.",
     "rejected", [("REJECT", [], [])]),
    ("Chile and Peru held talks in Lima on Tuesday. The two institutions agreed to meet again.",
     "agreed", [("AGREE", [], [])]),
    # "both sides" after a state's rebels and its government is that state
    ("Rebels of the ELN began a ceasefire with the Colombian government in August. Negotiators from both sides "
     "are scheduled to resume talks in Havana later this month.", "resume", [("AGREE", ["COL"], [])]),
    # an unnamed attacker near a named town is of the place ("near the town of X")
    ("A roadside bomb near the town of Kandahar killed two Canadian soldiers.", "killed",
     [("ASSAULT", ["AFG"], ["CAN"])]),
    # ... but where fired shells or rockets landed is the target's place, never the shooter's
    ("Artillery shells slammed into a bus depot in Kherson, killing four drivers.", "slammed",
     [("ASSAULT", [], ["UKR"])]),
    ("Rockets struck a fuel depot in Syria on Tuesday.", "struck", [("ASSAULT", [], ["SYR"])]),
    ("Two shells crashed into a grain depot in Mariupol, killing six workers.", "killing",
     [("ASSAULT", [], ["UKR"])]),
    # one judging or telling of an attack in a participle on it is no attacker; its doer in one still is
    ("Dozens died in the bombing, condemned by Spain.", "died", []),
    ("Six soldiers died in the raid, denounced by Chile as a crime.", "died", []),
    ("Four people were killed in an attack claimed by Peruvian guerrillas.", "killed", [("ASSAULT", ["PER"], ["PER"])]),
    # "they" after "X and other countries" is X, the one side the text codes; never an earlier plural
    ("The United States and other countries held talks on Monday. They later imposed sanctions on Peru.", "imposed",
     [("SANCTION", ["USA"], ["PER"])]),
    ("Chile and its allies met in Lima. They said they would impose sanctions on Peru.", "impose",
     [("THREATEN", ["CHL"], ["PER"])]),
    ("Peruvian farmers and unions marched in Lima. They blamed Chile for the tariffs.", "blamed",
     [("ACCUSE", ["PER"], ["CHL"])]),
    # seizing things acts on their holders, not, by default, on the police's own country; people held still are
    ("The gunman had a licence for the three rifles. The Kenyan authorities seized these rifles.", "seized",
     [("COERCE", ["KEN"], [])]),
    ("The Kenyan police detained 40 protesters in Nairobi.", "detained", [("COERCE", ["KEN"], ["KEN"])]),
    ("Kenyan police seized the rifles of Ugandan smugglers.", "seized", [("COERCE", ["KEN"], ["UGA"])]),
    # a speaker who announces one thing and says another reports the act in the second; its own army still acts
    ("The Peruvian government announced that tests found poison in the blood of a Chilean activist, and said "
     "there was clear proof the Chilean activist had been poisoned.", "poisoned", [("ASSAULT", [], ["CHL"])]),
    ("The Kenyan army announced the results and said troops had killed 20 militants near the border.", "killed",
     [("ASSAULT", ["KEN"], [])]),
    # "the operation" a few sentences after the one side's attack told is that attack; with two sides, no one's
    ("On Monday, Chile began a military offensive in southern Peru. The president said the offensive would end "
     "the rebel threat. He called it Operation Condor. The rebels are banned in Chile. The operation was condemned "
     "by Argentina.", "condemned", [("ACCUSE", ["ARG"], ["CHL"])]),
    ("On Monday, Chile began a military offensive in southern Peru. Bolivian troops shelled a Peruvian town. He "
     "called it Operation Condor. The rebels are banned in Chile. The operation was condemned by Argentina.",
     "condemned", [("ACCUSE", ["ARG"], [])]),
    # "in protest at X" names whom the protest is against, also when the parser hangs "at X" on the verb; a place
    # the protesters gather at is where, not whom
    ("Chilean farmers dumped ten tonnes of potatoes on the streets in protest at EC duties.", "dumped",
     [("PROTEST", ["CHL"], ["EU"])]),
    ("Chilean farmers gathered at Valparaiso in protest at the new fuel tax.", "gathered",
     [("PROTEST", ["CHL"], ["CHL"])]),
    # a representative "for" a government speaks for it
    ("The spokesman for the Polish government condemned the shooting.", "condemned", [("ACCUSE", ["POL"], [])]),
    # party members stand for their state where the article names it, never inside another name
    ("Senate Democrats criticized the White House over the cuts.", "criticized", [("ACCUSE", ["USA"], ["USA"])]),
    ("Republican lawmakers in Washington rejected the Chinese offer.", "rejected", [("REJECT", ["USA"], ["CHN"])]),
    ("Republicans condemned the decision.", "condemned", [("ACCUSE", [], [])]),
    # "the House" is the US chamber where the article names the US, never inside "House of Lords"
    ("The House condemned the Iranian attack on American ships.", "condemned", [("ACCUSE", ["USA"], ["IRN"])]),
    ("The House of Lords in London condemned the American decision.", "condemned", [("ACCUSE", [], ["USA"])]),
    # a party is a group: never the home of an unnamed actor
    ("Unknown gunmen attacked the Democratic office, a United States official said.", "attacked",
     [("ASSAULT", [], ["USA"])]),
    ("Social Democrats criticized the U.S. decision.", "criticized", [("ACCUSE", [], ["USA"])]),
    ("The Republican Guard attacked Kurdish villages, a United States official said.", "attacked",
     [("ASSAULT", [], [])]),
    # a text that does the act speaks for whoever issued it
    ("The Dutch envoy posted a message on Twitter blaming Iran for the attacks.", "blaming",
     [("ACCUSE", ["NLD"], ["IRN"])]),
    ("The Kenyan parliament passed a resolution calling for sanctions against Sudan.", "calling",
     [("REQUEST", ["KEN"], ["SDN"])]),
    # coordinated verbs share the object the parser hangs on the last one, and its place
    ("Ethiopia said its soldiers had killed or wounded more than 300 Eritreans.", "killed",
     [("ASSAULT", ["ETH"], ["ERI"])]),
    ("Sudanese troops attacked and looted three villages in Chad.", "attacked", [("ASSAULT", ["SDN"], ["TCD"])]),
    # a former office-holder named with a country acts for that country (no sector)
    ("Former Kenyan Foreign Minister Daniel Otieno met Ugandan officials in Kampala on Monday to discuss the "
     "border dispute between the two countries.", "met", [("CONSULT", ["KEN"], ["UGA"])]),
    # a destination after "for": "will leave for X for talks"
    ("The Peruvian foreign minister will leave for Bolivia on Monday for talks on the border.", "leave",
     [("AGREE", ["PER"], ["BOL"])]),
    # the subject of a passive raising verb and the object of a verb of causing do the infinitive
    ("Chile and Peru were expected to hold talks on the fishing dispute in June.", "hold",
     [("AGREE", ["CHL", "PER"], [])]),
    ("The new tax led the Serbian prime minister to threaten to deploy troops against the strikers.", "threaten",
     [("THREATEN", ["SRB"], [])]),
    # a titled office-holder unknown to the data holds office in the one state the paragraph named so far
    ("Mining ministers of Peru and its neighbours gathered in Lima on Monday for a conference on copper. The "
     "ministers later met President Juan Quispe at the palace.", "met", [("CONSULT", [], ["PER"])]),
    # "the officials" are the officials named just before (a group of people, never a capital) ...
    ("Iranian officials arrived in Baghdad on Monday. The officials later met Iraqi ministers to discuss the "
     "border.", "met", [("CONSULT", ["IRN"], ["IRQ"])]),
    # ... but "the separatist authorities in X" are not the government named before
    ("The Georgian government said on Monday that talks had failed. The separatist authorities in the region "
     "agreed to disarm.", "agreed", [("AGREE", [], [])]),
    # a Korean name is named again by its family name, which comes first
    ("Canadian officials and South Korean Trade Minister Paek Sung-ho spent the day discussing tariffs. Canada "
     "later accepted Paek's proposal for a joint venture.", "accepted", [("AGREE", ["CAN"], ["KOR"])]),
    # unnamed police and people are of the one state their sentence names (an article about no one state) ...
    ("Lima's security chief warned that police would no longer tolerate marches by the teachers' union.",
     "warned", [("THREATEN", ["PER"], ["PER"])]),
    # ... never of the state acting on them
    ("Ethiopia says it does not target civilians.", "target", [("ASSAULT", ["ETH"], [])]),
    # "the president" many sentences after the one president named, and "he" after it
    ("President Emmanuel Macron met union leaders in Paris on Monday. The unions want higher wages. Talks lasted "
     "four hours. Rail workers have been on strike for a week. German unions urged the president to withdraw the "
     "reform. He rejected the demand.", "rejected", [("REJECT", ["FRA"], [])]),
    # capitalised offices and bodies ("the President", "the Cabinet", a bare "Parliament") refer back like
    # lower-case ones (a legislature voting against what no one named proposed acts at home: domestic_target)
    ("Chile's government said on Monday it would cut fuel subsidies. Santiago has been under pressure from "
     "truckers. Parliament, however, has twice voted against the cuts.", "voted", [("REJECT", ["CHL"], ["CHL"])]),
    ("President Ana Lindqvist opened the session in Stockholm. Sweden wants a deal. The President rejected the "
     "offer.", "rejected", [("REJECT", ["SWE"], [])]),
    # an office named with no holder is the office of the state the article is about ...
    ("Norway's fishing fleet shrank again. Oslo blamed the quotas. Norwegian trawlers stayed in port.\n\n"
     "The Prime Minister rejected the plan.", "rejected", [("REJECT", ["NOR"], [])]),
    # ... or of the one state the article has named so far
    ("The Bolivian government said on Monday that the blockades were illegal. The new fuel law led the Prime "
     "Minister to threaten to use troops against the truckers.", "threaten", [("THREATEN", ["BOL"], [])]),
    # ... and so is a titled office-holder the data does not know, when nothing near him names another state
    ("Portugal's economy shrank in the spring. Lisbon raised taxes. Portuguese unions called a strike.\n\n"
     "Finance Minister Tomas Ferreiro criticised the strike. Ferreiro later met the union leaders.", "met",
     [("CONSULT", ["PRT"], [])]),
    ("Portugal's economy shrank in the spring. Lisbon raised taxes. Portuguese unions called a strike.\n\n"
     "Finance Minister Tomas Ferreiro withdrew a request to Madrid as the Portuguese-Spanish row eased.",
     "withdrew", [("RETREAT", ["PRT"], [])]),
    ("Portugal's economy shrank in the spring. Lisbon raised taxes. Portuguese unions called a strike.\n\n"
     "Finance Minister Tomas Ferreiro withdrew a request to Madrid as the Spanish-French row eased.", "withdrew",
     [("RETREAT", [], [])]),
    # ... or, in an article that has named one state only so far, that state's (as "the Prime Minister") ...
    ("Bolivia raised fuel prices on Monday. Interior Minister Carlos Mamani threatened the striking truckers.",
     "threatened", [("THREATEN", ["BOL"], [])]),
    ("Kenya has banned maize imports.\n\nAgriculture Minister Paul Kamau criticised Uganda on Monday.",
     "criticised", [("ACCUSE", ["KEN"], ["UGA"])]),
    # ... but not a title a company's officer has too, in business news naming a state for its currency
    ("The Ontario mining group said the fire caused 10 mln Canadian dlrs in damage.\n\nPresident Paul Girard "
     "rejected the union's demands.", "rejected", [("REJECT", [], [])]),
    # ... not with two states named, nor beside another state's people (the state he acts on is not his)
    ("Bolivia and Peru raised fuel prices on Monday. Interior Minister Carlos Mamani threatened the striking "
     "truckers.", "threatened", [("THREATEN", [], [])]),
    ("Kenya has banned maize imports. Agriculture Minister Paul Kamau flew to Kampala for talks with Ugandan "
     "officials.", "flew", [("CONSULT", [], ["UGA"])]),
    # rioters and trade unionists are unnamed domestic groups like protesters, also when a capitalised
    # plural opening a sentence is tagged a proper noun ...
    ("Peru raised bus fares on Monday. Peruvian students were angry. Lima said the fares would stay.\n\n"
     "Rioters attacked the city hall.", "attacked", [("ASSAULT", ["PER"], [])]),
    ("Peru raised bus fares on Monday. Peruvian students were angry. Lima said the fares would stay.\n\n"
     "On Tuesday, trade unionists protested outside the city hall.", "protested", [("PROTEST", ["PER"], ["PER"])]),
    # ... but not with two states named, nor when a nationality in lower case says whose they are
    ("Peru and Bolivia raised bus fares on Monday. Rioters attacked the city hall.", "attacked",
     [("ASSAULT", [], [])]),
    ("Bolivian soldiers clashed with chilean rioters in the Peruvian port.", "clashed", [("ASSAULT", ["BOL"], ["PER"])]),
    # one of the article's own people arrested with no agent named: its police, as for unnamed people there ...
    ("Kenya's parliament met on Monday. Nairobi was calm. Kenyan voters were angry.\n\nKenyan opposition "
     "leader Joseph Wambua was arrested on Tuesday.", "arrested", [("COERCE", ["KEN"], ["KEN"])]),
    # ... not a foreigner's (whose police, the text does not say), nor in an article about no one state
    ("Kenya's parliament met on Monday. Nairobi was calm. Kenyan voters were angry.\n\nTwo Ugandan "
     "journalists were arrested on Tuesday.", "arrested", [("COERCE", [], ["UGA"])]),
    ("Kenyan opposition leader Joseph Wambua was arrested on Tuesday.", "arrested", [("COERCE", [], ["KEN"])]),
    # ... and so is one whose title, after the department's name, is in lower case ...
    ("Dutch unions rejected the plan. The Netherlands faces strikes. Dutch employers were calm.\n\nSocial Affairs "
     "minister Louw de Groot criticised the unions.", "criticised", [("ACCUSE", ["NLD"], [])]),
    # ... but not a company's officer so written
    ("Shell said profits fell. Marketing director Louw de Groot criticised the unions.", "criticised",
     [("ACCUSE", [], [])]),
    # delegations at talks held in the article's state are as often foreign (as diplomats)
    ("Chile hosts the fishing talks. Santiago wants a deal. Chilean trawlers stayed in port.\n\nThe meeting "
     "was attended by twenty overseas delegations.", "attended", [("CONSULT", [], [])]),
    # ... however the tagger reads the department before the title ("Finance" taken for an organisation)
    ("The Dutch cabinet approved new spending cuts on Tuesday. Dutch unions said the cuts were too deep. Dutch "
     "employers welcomed them.\n\nA report drafted by Finance Minister Hendrik Vosmaer was leaked.\n\nVosmaer, "
     "putting the deficit at 7 pct, criticised the unions.", "criticised", [("ACCUSE", ["NLD"], [])]),
    ("The Dutch cabinet approved new spending cuts on Tuesday. Dutch unions said the cuts were too deep. Dutch "
     "employers welcomed them. Central Bank president Wim Osterhout sought new loans.", "sought",
     [("REQUEST", ["NLD"], [])]),
    ("The Dutch cabinet approved new spending cuts on Tuesday. Dutch unions said the cuts were too deep. Dutch "
     "employers welcomed them. Shell Oil president Wim Osterhout sought new loans.", "sought",
     [("REQUEST", [], [])]),
    # who acts during or after a meeting with no actor of its own took part in it; one acted on need not have
    ("Chancellor Kohl spoke to reporters after talks with Turkish Prime Minister Ozal.", "talks",
     [("CONSULT", ["DEU"], ["TUR"])]),
    ("Kohl made the pledge during talks with Turkish Prime Minister Ozal in Bonn.", "talks",
     [("CONSULT", ["DEU"], ["TUR"])]),
    ("The Italian minister was questioned after talks with Iran.", "talks", [("CONSULT", [], ["IRN"])]),
    ("Chancellor Kohl, speaking after the weekly cabinet meeting, said trade would grow.", "meeting", []),
    # a department named by its portfolio alone is the government's of the article's state; a name of its own
    # is not
    ("Japanese exporters face new tariffs. Tokyo rejected the charges on Monday. Japanese officials said the "
     "dispute would grow.\n\nThe Trade Ministry criticised the tariffs.", "criticised", [("ACCUSE", ["JPN"], [])]),
    ("Japanese exporters face new tariffs. Tokyo rejected the charges on Monday. Japanese officials said the "
     "dispute would grow.\n\nThe Post and Telecommunications Ministry criticised the tariffs.", "criticised",
     [("ACCUSE", [], [])]),
    # an unnamed group acting is the members the text lists for it
    ("Several countries, such as France and Italy, criticised the American tariffs.", "criticised",
     [("ACCUSE", ["FRA", "ITA"], ["USA"])]),
    ("Major powers including Russia and China rejected the plan.", "rejected", [("REJECT", ["RUS", "CHN"], [])]),
    # a special prosecutor is an office of the article's state
    ("American lawmakers debated the arms sales. The U.S. Senate voted on Friday. Washington denied the report."
     "\n\nSpecial prosecutor Martin Kessel said he asked the House committee to delay the vote.", "asked",
     [("REQUEST", ["USA"], ["USA"])]),
    # "the government" before any state is named is the state the article is about; with none, nobody's
    ("The government welcomed the wage settlement for public sector workers. Austrian unions said the deal was "
     "fair. Austria's economy grew. Vienna raised taxes.", "welcomed", [("SUPPORT", ["AUT"], ["AUT"])]),
    ("The provincial government criticised the wage settlement. Austrian unions said the deal was fair. "
     "Austria's economy grew. Vienna raised taxes.", "criticised", [("ACCUSE", [], [])]),
    # a pronoun follows its antecedent's code given later in the pass (the article's police)
    ("Norwegian officials said the fire was under control. Norway's roads were closed. Oslo sent help.\n\n"
     "Police said they questioned the car's owner.", "questioned", [("ACCUSE", ["NOR"], [])]),
    # a titled office of a region is one of its state's; a region's businessman is no office-holder
    ("Texas Governor Greg Abbott deployed the National Guard to the border.", "deployed",
     [("MOBILIZE", ["USA"], [])]),
    ("Texas businessman John Smith criticised the plan of the Mexican government.", "criticised",
     [("ACCUSE", [], ["MEX"])]),
    # ... but not a possessive's group ("its soldiers"), which subject continuity may have picked wrongly
    ("Syria said its soldiers were driving Turkish units out of hills they had seized when they launched an "
     "assault near Aleppo.", "launched", [("ASSAULT", [], ["SYR"])]),
    # office-holders of the 1980s wire are known by name alone (leaders.csv)
    ("Pope Francis urged the leaders of Sudan to make peace.", "urged", [("REQUEST", ["VAT"], ["SDN"])]),
    ("Jayewardene ordered the army to pull back from the northern towns.", "ordered",
     [("REQUEST", ["LKA"], ["LKA"])]),
    # ... but never a title after an organisation's name, nor a former office-holder, nor a name that ends in a
    # title word (the strike criticised is the unions', events/referred_act.py)
    ("Portugal's economy shrank in the spring. Lisbon raised taxes. Portuguese unions called a strike.\n\n"
     "Galp Energia president Tomas Ferreiro criticised the strike.", "criticised", [("ACCUSE", [], ["PRT"])]),
    ("Portugal's economy shrank in the spring. Lisbon raised taxes. Portuguese unions called a strike.\n\n"
     "The former president criticised the strike.", "criticised", [("ACCUSE", [], ["PRT"])]),
    ("Portugal's economy shrank in the spring. Lisbon raised taxes. Portuguese unions called a strike.\n\n"
     "Lucas Manuel King criticised the strike.", "criticised", [("ACCUSE", [], ["PRT"])]),
    # "the ministers" are the ministers named just before, whatever their sector
    ("NATO defence ministers met in Brussels on Tuesday. The ministers agreed to extend the mission.", "agreed",
     [("AGREE", ["NATO"], [])]),
    # in an article about no one state, unnamed police whose sentence names none are of the one state their
    # paragraph has named so far
    ("Thai and Cambodian officials met in Geneva on Monday. Cambodia and Thailand want a deal. Phnom Penh agreed."
     "\n\nIn Bangkok, students marched on parliament on Friday. The police fired tear gas at them.", "fired",
     [("ASSAULT", ["THA"], ["THA"])]),
    # a known office-holder out of office is still of his state (Obama in 2020), not a militant leader
    ("Barack Obama met Kenyan students in Nairobi on Friday.", "met", [("CONSULT", ["USA"], ["KEN"])]),
    # a possessive pronoun names the doer of the act its noun names ...
    ("Chilean President Ana Rojas spoke in Santiago on Monday. Rojas leaves on her first official visit to Peru "
     "on Wednesday.", "visit", [("CONSULT", ["CHL"], ["PER"])]),
    # ... but whose a place is says nothing of the other party
    ("Chile massed troops on its border with Peru.", "massed", [("MOBILIZE", ["CHL"], ["PER"])]),
    # ... nor is whose a thing is the one an act is aimed at (the market's owner is the doer; the goods' state is
    # whom it is opened to)
    ("The Peruvian government, under pressure from Chile, agreed last year to open its markets to Chilean-made "
     "wine products.", "agreed", [("AGREE", ["PER"], ["CHL"])]),
    # a known person named in full is named again by his family name
    ("President Saddam Hussein spoke in Baghdad on Monday. Hussein later criticised Kuwait.", "criticised",
     [("ACCUSE", ["IRQ"], ["KWT"])]),
    ("John Bolton spoke in Oslo on Monday. Bolton later criticised Iran.", "criticised",
     [("ACCUSE", ["USA"], ["IRN"])]),
    # a state or its organs are not acted on by themselves: its own country named in the content is its own side
    ("The Dutch foreign minister reiterated Dutch objections to the tariff plan on Tuesday.", "reiterated",
     [("REJECT", ["NLD"], [])]),
    ("The Canadian trade minister defended the Canadian government's export plan.", "defended",
     [("SUPPORT", ["CAN"], [])]),
    ("Peru's finance minister said Peru should raise its copper output next year.", "said", []),
    # ... while another state, another organ of the same state, or the state an organ acts in, still is
    ("The Brazilian interior minister said Argentina must stop the smuggling.", "said",
     [("REQUEST", ["BRA"], ["ARG"])]),
    ("The Senate majority leader rejected the White House's budget plan.", "rejected",
     [("REJECT", ["USA"], ["USA"])]),
    ("Peruvian police arrested 12 people in Lima.", "arrested", [("COERCE", ["PER"], ["PER"])]),
    ("The Chilean foreign minister praised the Chilean decision to expel the envoy.", "praised",
     [("SUPPORT", ["CHL"], [])]),
    ("The Chilean Senate praised the Chilean decision to expel the envoy.", "praised",
     [("SUPPORT", ["CHL"], ["CHL"])]),
    # ... and a state's own people acted on, or threatened, are named apart
    ("The Iraqi government asked Iraqis to stay home.", "asked", [("REQUEST", ["IRQ"], ["IRQ"])]),
    ("The Chilean president urged Chilean farmers to plant more wheat.", "urged", [("REQUEST", ["CHL"], ["CHL"])]),
    # ... but other nations or a state's lenders called on are never its own people
    ("The Chilean president called on leading Western nations to cut tariffs.", "called", [("REQUEST", ["CHL"], [])]),
    ("The Bolivian government urged its creditors to reschedule the loans.", "urged", [("REQUEST", ["BOL"], [])]),
    # a hostile act answering another is aimed at whoever did that one
    ("Chile will retaliate for the Peruvian raid on its border post.", "retaliate", [("ASSAULT", ["CHL"], ["PER"])]),
    ("Chile threatened to raise duties in retaliation for Peru's seizure of a fishing boat.", "threatened",
     [("THREATEN", ["CHL"], ["PER"])]),
    ("The army shelled rebel positions in response to attacks by the Shining Path.", "shelled",
     [("ASSAULT", [], ["PER"])]),
    # ... but not a disaster's place, nor anyone when the act answered names no doer
    ("Chile closed the border in response to the Peruvian earthquake.", "closed", [("SANCTION", ["CHL"], [])]),
    ("Chile will retaliate for the deaths of its soldiers.", "retaliate", [("ASSAULT", ["CHL"], [])]),
    # the one said to be the target or victim of an attack suffered it (no self-dyad of the attackers)
    ("Oslo was the target of a Hamas suicide attack.", "attack", [("ASSAULT", ["PSE"], ["NOR"])]),
    ("The target of the Hamas raid was the Kenyan embassy.", "raid", [("ASSAULT", ["PSE"], ["KEN"])]),
    # ... only when the attack is what the target is the target of
    ("Peru was the main target of criticism at the summit.", "summit", []),
    # a passive's doer named by the statement or letter it was done in
    ("Peru was condemned in a joint statement by Bolivia and Chile.", "condemned",
     [("ACCUSE", ["BOL", "CHL"], ["PER"])]),
    ("The Peruvian decision was denounced in a letter signed by Chilean senators.", "denounced",
     [("ACCUSE", ["CHL"], ["PER"])]),
    ("The Peruvian decision was denounced in a letter on Monday.", "denounced", [("ACCUSE", [], ["PER"])]),
    # "his country" is the state of the one "his" refers to, a party like the state's own name
    ("The IMF assured Kenyan President Daniel Moi it would give his country new loans.", "give",
     [("AID", ["IMF"], ["KEN"])]),
    ("The IMF assured Kenyan President Daniel Moi it would give his family new loans.", "give",
     [("AID", ["IMF"], [])]),
    # a legislative committee's chairman sits for the state of the chamber his title names
    ("Senate Banking Committee chairman Tom Reed criticized the Mexican decision.", "criticized",
     [("ACCUSE", ["USA"], ["MEX"])]),
    ("Banking Committee chairman Tom Reed criticized the Mexican decision.", "criticized",
     [("ACCUSE", [], ["MEX"])]),
    # a post in a state organ or an armed group the apposition names is an office of it
    ("Dana Whitfield, administrator of the U.S. Commerce Department's export office, criticized the Mexican plan.",
     "criticized", [("ACCUSE", ["USA"], ["MEX"])]),
    ("Ahmed Saleh, a spokesman for Hamas, blamed Israel for the raid.", "blamed", [("ACCUSE", ["PSE"], ["ISR"])]),
    ("Jim Okello, a member of the Kenyan Parliament, criticized the Ugandan plan.", "criticized",
     [("ACCUSE", ["KEN"], ["UGA"])]),
    # ... a post in a body of no named state, or a former one, gives nothing
    ("Jim Okello, a member of the ruling party, criticized the Ugandan plan.", "criticized", [("ACCUSE", [], ["UGA"])]),
    ("Jim Okello, a former member of the Kenyan Parliament, criticized the Ugandan plan.", "criticized",
     [("ACCUSE", [], ["UGA"])]),
    # "the Treasury" named again is the organ of the state named with it before
    ("The U.S. Treasury proposed allowing imports of Kenyan tea. The Treasury also criticized the Ugandan plan.",
     "criticized", [("ACCUSE", ["USA"], ["UGA"])]),
    ("Treasury bonds fell sharply after Uganda criticized the Kenyan plan.", "fell", []),
    # an apposition's state office of no named state is the article's, when one state dominates it
    ("Kenyan troops fought militants near Nairobi. The Kenyan army said it had retaken the town. Joseph Mwangi, a "
     "provincial official, condemned the attack on the town.", "condemned", [("ACCUSE", ["KEN"], [])]),
    # ... but not when his sentence names another state (whose official he is, the text does not say)
    ("Kenyan troops fought militants near Nairobi. The Kenyan army said it had retaken the town. Joseph Mwangi, a "
     "provincial official, criticized the Ugandan response.", "criticized", [("ACCUSE", [], ["UGA"])]),
    ("Kenya and Uganda signed a deal. Joseph Mwangi, a senior official, criticized the Ugandan plan.", "criticized",
     [("ACCUSE", [], ["UGA"])]),
    # coordinated passive participles share what was done and the doer the parser hangs on the last one: the
    # victims are never the doer of the second act
    ("Three Peruvian soldiers were captured and killed by guerrillas.", "killed", [("ASSAULT", [], ["PER"])]),
    ("Three Peruvian soldiers were captured and killed by Chilean troops.", "captured", [("COERCE", ["CHL"], ["PER"])]),
    # a weapon fired from afar is not of the place it lands in (no accidental self-dyad of the target's state)
    ("Shells slammed into a market in Luhansk.", "slammed", [("ASSAULT", [], ["UKR"])]),
    ("Two oil plants in Kenya were hit by drone strikes in a dawn raid.", "hit", [("ASSAULT", [], ["KEN"])]),
    # ... but a bomb planted or an attack by people is the place's (CAMEO local actor), as is a weapon fired
    # from a named place
    ("A car bomb killed ten people in Kabul.", "killed", [("ASSAULT", ["AFG"], ["AFG"])]),
    ("Rockets from Gaza hit a school in Sderot.", "hit", [("ASSAULT", ["PSE"], ["ISR"])]),
    # whose the thing hit is ("belonging to", "run by", "of") suffered it: its owner is the recipient, never the actor
    ("Oil plants belonging to Kenya's state pipeline company were hit by drone strikes.", "hit",
     [("ASSAULT", [], ["KEN"])]),
    ("Homes belonging to Kenyan farmers were attacked by gunmen.", "attacked", [("ASSAULT", [], ["KEN"])]),
    ("Gunmen attacked a fuel depot operated by the Kenyan army.", "attacked", [("ASSAULT", [], ["KEN"])]),
    ("Nairobi admitted the Ugandans had occupied ground held by a Kenyan unit.", "occupied",
     [("COERCE", ["UGA"], ["KEN"])]),
    # ... an owner of no known side is no one's (no self-dyad of the occupiers)
    ("Nairobi admitted the Ugandans had occupied ground held by the 5th Rift Valley unit.", "occupied",
     [("COERCE", ["UGA"], [])]),
    # "the attack" naming its doer but no target refers back to the attack just reported: whom it hit
    ("Drones struck two oil plants in Kenya on Saturday. The attacks were claimed by Tanzania.", "attacks",
     [("ASSAULT", ["TZA"], ["KEN"])]),
    # ... not an attack with a target of its own, nor one with no doer (that is the first attack again)
    ("Drones struck two oil plants in Kenya on Saturday. The attack on the Ugandan post was claimed by Tanzania.",
     "attack", [("ASSAULT", ["TZA"], ["UGA"])]),
    ("Drones struck two oil plants in Kenya on Saturday. The attacks were claimed by a militia.", "attacks", []),
    # the head of a union or firm named after a state is of that state (no organ of it), and the verb after
    # his apposition is his act (the parser hangs it on the name as a participle)
    ("Juan Ortega, president of the Chilean Dockworkers Union, called on Peru to lift the ban.", "called",
     [("REQUEST", ["CHL"], ["PER"])]),
    # one acting within a meeting or coming back from it took part in it
    ("The Kenyan prime minister, on the first day of a visit to Uganda, praised the accord.", "visit",
     [("CONSULT", ["KEN"], ["UGA"])]),
    ("Kenyan President Daniel Moi, who returns from a visit to Uganda on Sunday, faces a difficult task.", "visit",
     [("CONSULT", ["KEN"], ["UGA"])]),
    # ... not one acting on the anniversary of it
    ("The Kenyan prime minister, on the anniversary of the talks with Uganda, praised the accord.", "talks",
     [("CONSULT", [], ["UGA"])]),
    # a stance on "the attack" just reported is aimed at its doer
    ("Ugandan troops shelled a Kenyan village on Monday. Tanzania condemned the attack on Tuesday.", "condemned",
     [("ACCUSE", ["TZA"], ["UGA"])]),
    # ... not when the attack names its own parties, nor when the stance-taker did it
    ("Ugandan troops shelled a Kenyan village on Monday. Tanzania condemned the attack on the border post.",
     "condemned", [("ACCUSE", ["TZA"], [])]),
    ("Ugandan troops shelled a Kenyan village on Monday. Tanzania condemned the Somali attack.", "attack",
     [("ASSAULT", ["SOM"], [])]),
    # "the strikes" refers back to the act told with the same word, before a nearer one of other words
    ("Kenyan jets struck ten targets in Somalia on Friday. The raids hit radar sites. A militia spokesman vowed "
     "revenge. The militia have launched attacks on Ethiopian ships. Tanzania condemned the strikes.", "condemned",
     [("ACCUSE", ["TZA"], ["KEN"])]),
    # an act on "the sanctions" just reported by the same side is aimed where they were; another side's is not
    ("Kenya imposed sanctions on Uganda in May. In June Kenya lifted the sanctions.", "lifted",
     [("RETREAT", ["KEN"], ["UGA"])]),
    ("Kenya imposed sanctions on Uganda in May. In June Tanzania lifted the sanctions.", "lifted",
     [("RETREAT", ["TZA"], [])]),
    # the target of an attack launched is no home of its unnamed attackers
    ("The rebels have launched attacks on Kenyan ships.", "launched", [("ASSAULT", [], ["KEN"])]),
    # both halves of a hyphened pair before an act noun take part in it
    ("He criticized the Kenyan-Ugandan border agreement.", "agreement", [("AGREE", ["KEN", "UGA"], [])]),
    ("The Chilean-Peruvian pact was signed two weeks ago.", "pact", [("AGREE", ["CHL", "PER"], [])]),
    # ... not a place a group is based in
    ("The Kenyan army raided a Somalia-based militia.", "raided", [("ASSAULT", ["KEN"], ["SOM"])]),
    # an envoy "to" a capital is of the state of his title, whatever the parser hangs "to" on
    ("He spoke after talks with the Kenyan Ambassador to Kampala Joseph Otieno, who came from a meeting with "
     "Ugandan President Yoweri Museveni.", "meeting", [("CONSULT", ["KEN"], ["UGA"])]),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize("text,trigger,expected", CASES, ids=[c[0][:45] for c in CASES])
def test_parties_of_the_authored_sentence(analyzer: Analyzer, text: str, trigger: str, expected: list[Coded]) -> None:
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t", date="2020-05-01")])
    got = [(e.type, sorted({a.code for a in e.actor if a.code}), sorted({r.code for r in e.recipient if r.code}))
           for e in doc.events if e.trigger.text == trigger]
    assert got == [(t, sorted(a), sorted(r)) for t, a, r in expected]


@pytest.mark.parametrize("text,name,sector", [
    # a union or firm named after a state is the state's, not an organ of it
    ("Juan Ortega, president of the Chilean Dockworkers Union, called on Peru to lift the ban.", "Juan Ortega", None),
    # ... while a post in a state organ is one of its offices
    ("Juan Ortega, spokesman of the Chilean Foreign Ministry, called on Peru to lift the ban.", "Juan Ortega", "GOV"),
])
def test_sector_of_an_apposed_post(analyzer: Analyzer, text: str, name: str, sector: str | None) -> None:
    (doc,) = analyzer.analyze_many([SourceItem(text=text, id="t", date="2020-05-01")])
    person = next(e for e in doc.entities if e.text == name)
    assert (person.code, person.sector) == ("CHL", sector)


@pytest.mark.parametrize("text,trigger,reporter,is_source", [
    # a speaker's second report that shares its subject is a report: the speaker only tells of the act
    ("The government announced the results and said he had been poisoned.", "poisoned", "government", True),
    # ... while a first speaker telling of its own act stays out of the second speaker's report
    ("Rebels said they had attacked the town, and an army spokesman said ten rebels were killed.", "killed",
     "Rebels", False),
    ("Rebels said they had attacked the town, and an army spokesman said ten rebels were killed.", "killed",
     "spokesman", True),
])
def test_reporters_of_an_act(text: str, trigger: str, reporter: str, is_source: bool) -> None:
    from dotterel.actors.parties import source_tokens
    from dotterel.nlp import load

    doc = load()(text)
    tok = next(t for t in doc if t.text == trigger)
    who = next(t for t in doc if t.text == reporter)
    assert (who.i in source_tokens(tok.sent, tok)) == is_source
