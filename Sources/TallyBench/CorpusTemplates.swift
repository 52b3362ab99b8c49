// The sentence templates of the synthetic corpus, written for this project in the style of wire
// reports. A slot in braces is filled for each sentence:
//
//   {P} the side the figure is about       {Q} the other side
//   {PL} a place of {P}                     {QL} a place of {Q}
//   {C} a claimant speaking about {P}       {OWN} a claimant of {P} itself
//   {N} a figure, perhaps with a qualifier  {n} {n2} bare figures (the second one smaller)
//   {V} a vague amount ("dozens of")        {E} an equipment noun, plural
//   {D} " on Tuesday", " on March 14", " yesterday" or nothing (it brings its own space)
//   {WD} a weekday                          {MD} a month and day ("March 14")
//   {OUT} the outlet                        {NAME} a person's name
//   {YEAR} {MONEY} {KM} {AGE} {PCT} {POP} {HOUR} {COUNT}: distractor numbers
//
// The first letter of each sentence is capitalised after filling.

enum CorpusTemplates {
  /// Sentences that carry one or more figures.
  static let figures: [String] = [
    "{C} said on {WD} that {N} of {P}'s soldiers had been killed in fighting near {PL}.",
    "At least {n} civilians were wounded when shells struck a market in {PL}{D}, {C} said.",
    "{C} reported{D} that {N} servicemen of {P} were missing after the assault on {QL}.",
    "According to {C}, {N} troops of {Q} were captured during the overnight raid.",
    "{C} put the number of people displaced by the fighting in {P} at {N}.",
    "The death toll among civilians in {P} has risen to {n}, {C} said in a statement{D}.",
    "{C} said its forces had destroyed {N} {E} belonging to {Q} since the start of the week.",
    "More than {n} people have fled their homes in {PL}, {C} told reporters.",
    "{N} fighters from {P} were killed and {n2} wounded in clashes{D}, {C} said.",
    "In a briefing{D}, {OWN} said {N} of its soldiers had died in the past 24 hours.",
    "{C} said forces of {Q} had seized {n2} villages along the front line near {PL}.",
    "Up to {n} civilians may have been killed in the strike on {PL}, {C} said.",
    "Between {n2} and {n} soldiers of {P} were wounded on {MD}, {C} said.",
    "{PL}, a city of about {POP} people, came under heavy shelling{D}.",
    "{C} said {N} drones of {Q} had been shot down over {PL}{D}.",
    "The bodies of {N} servicemen from {P} have been recovered, {C} said.",
    "{C} confirmed{D} that {V} civilians had been wounded in {PL}.",
    "{V} troops of {P} have been killed since the offensive began, {C} claimed.",
    "A dozen soldiers of {P} were taken prisoner near {PL}, {C} said{D}.",
    "Nearly {n} residents of {PL} have been displaced, {C} estimated.",
    "{C} said {N} tanks and {n2} armoured vehicles of {Q} were destroyed in the battle for {QL}.",
    "Casualties among the forces of {P} stood at {N}, {C} said{D}.",
    "The number of civilians killed in {P} since the fighting began reached {n} as of {MD}, {C} said.",
    "{OWN} said there had been no new deaths, keeping the military toll at {n}.",
    "{V} civilians have been displaced from border villages in {P}, {C} said.",
    "{C} said {n} people, including {n2} children, were killed when a rocket hit a residential block in {PL}.",
    "At least {n} servicemen of {P} remain missing, {C} said on {WD}.",
    "{C} said its troops had captured {N} soldiers of {Q} and destroyed {n2} artillery pieces.",
    "\"We have lost {n} of our soldiers,\" {OWN} told a news conference{D}.",
    "Local officials in {PL} said {N} people had been wounded in overnight shelling.",
    "{C} raised its count of wounded civilians in {P} to {n}{D}.",
    "The number of soldiers from {P} killed in the fighting has reached {n}, {C} said.",
    "{N} civilians were killed in {PL}{D} when a shell hit a bus station, {C} said.",
    "{C} said {Q} had lost {N} {E} in the past week.",
    "As many as {n} people were wounded in {PL} on {WD}, according to {C}.",
    "Rescue workers pulled {n2} bodies from the rubble in {PL}{D}, {C} said, bringing the toll there to {n}.",
  ]

  /// Sentences with no figure but with numbers a careless extractor would take for one.
  static let distractors: [String] = [
    "The region has been contested since {YEAR}, when a ceasefire ended the first war.",
    "{OUT} could not independently verify the figures.",
    "Donors pledged ${MONEY} million in humanitarian aid at a conference{D}.",
    "The front line runs for about {KM} km along the valley south of {PL}.",
    "A {AGE}-year-old farmer told {OUT} he had left {PL} with his family{D}.",
    "Neither side's account could be independently confirmed.",
    "Talks between {P} and {Q} broke down in {YEAR}, and no date has been set for new ones.",
    "Bread prices in {PL} have risen {PCT} percent since the start of the year.",
    "A convoy of {COUNT} lorries carrying food and medicine reached {PL}{D}.",
    "Power was restored in parts of {PL} at {HOUR} p.m. local time.",
    "The bridge over the river at {PL}, built in {YEAR}, is {COUNT} metres long.",
    "Officials said a new round of talks would open on {MD}.",
    "{NAME}, {AGE}, said she had not slept for {COUNT} hours because of the shelling.",
    "The airport at {PL} has been closed to civilian flights since {MD}.",
    "Fuel was selling for {MONEY} dollars a litre on the black market{D}.",
  ]

  /// Headlines.
  static let titles: [String] = [
    "{P} and {Q} trade blame as fighting spreads to {PL}",
    "Toll rises in {PL} as shelling goes on",
    "{P} says it repelled an assault near {PL}",
    "Civilians flee {PL} as the front line moves",
    "Ceasefire talks stall as {P} and {Q} report losses",
    "Heavy fighting around {QL}; both sides claim gains",
    "Aid groups warn of crisis in {PL}",
    "{Q} denies losses reported by {P}",
  ]

  /// The outlets that publish the articles (invented names).
  static let outlets: [String] = [
    "Meridian Wire", "Northgate Press", "Coastline News Service", "Halvard Daily", "Riverbend Bulletin",
    "Eastreach Agency", "Tidewater Post", "Granite Herald", "Lumen Dispatch", "Crosswind Report",
    "Saltmarsh Times", "Harbour Light News", "Ridgeway Courier", "Amberfield Observer", "Kestrel Newswire",
    "Open Plain Media", "Lanternfall Gazette", "Silver Fjord Press", "Copperline Agency", "Westmere Chronicle",
  ]

  /// Agencies and monitors that belong to no side (invented names).
  static let agencies: [String] = [
    "the Joint Relief Office", "the Civilian Monitoring Mission", "the Halden Rights Observatory",
    "Red Valley Medical Aid", "the Border Crossings Watch", "the Regional Displacement Desk",
    "the Field Hospitals Network", "the Mine Clearance Trust",
  ]

  /// The institutions of a side; `%` is the side's name.
  static let institutions: [String] = [
    "%'s defence ministry", "the Ministry of Defence of %", "%'s health ministry", "the Interior Ministry of %",
    "%'s emergencies service", "the general staff of %'s armed forces", "the government of %",
  ]

  /// Titles of the officials of a side; `%` is the side's name.
  static let officialTitles: [String] = [
    "% Defence Minister", "% army spokesman Colonel", "% Interior Minister", "% President", "% army chief General",
  ]

  static let firstNames: [String] = [
    "Arlen", "Besim", "Corin", "Dafne", "Emre", "Farid", "Galen", "Hana", "Ilya", "Jovan", "Kesia", "Lorin",
    "Mirela", "Nadir", "Oren", "Petra", "Rustam", "Selin", "Tomas", "Ulla", "Varun", "Yara", "Zorin",
  ]

  static let lastNames: [String] = [
    "Abrasov", "Belkin", "Castell", "Dervish", "Elman", "Faroukh", "Grell", "Haddan", "Ivers", "Jurek", "Kassim",
    "Lindqvist", "Moravec", "Nuri", "Ostrava", "Pelham", "Quist", "Rahimov", "Sorel", "Tavish", "Ulmer", "Varga",
    "Wendt", "Yusufov", "Zeller",
  ]

  /// Invented towns, for sides the gazetteer names no place of.
  static let towns: [String] = [
    "Korvath", "Ildane", "Messaro", "Tuvrin", "Oskelda", "Brannoch", "Velitsa", "Dumark", "Sarrow", "Pellingford",
  ]

  static let equipment: [String] = [
    "tanks", "drones", "helicopters", "armoured vehicles", "artillery pieces", "rocket launchers",
    "air-defence systems", "trucks",
  ]

  static let numberWords: [String] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
  ]

  static let qualifiers: [String] = [
    "at least ", "more than ", "nearly ", "about ", "up to ", "some ", "as many as ", "over ", "almost ",
  ]

  static let vague: [String] = ["dozens of", "hundreds of", "scores of", "thousands of", "several hundred"]
}
