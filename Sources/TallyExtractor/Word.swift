/// The closed-class English words the extractor reasons with: qualifiers, number words,
/// attribution verbs, auxiliaries, units and the like.
///
/// These are grammar, not domain vocabulary: parties, places, category words and
/// equipment nouns live in the CSV resources and can be extended by users.
/// Every case is interned first in the ``Lexicon``, so a token's word is a one-byte compare.

enum Word: String, CaseIterable, Sendable {
  // Qualifiers
  case more, than, over, upwards, of, excess, at, least, up, to, many, most, about, around
  case nearly, almost, some, approximately, roughly, estimated, close, between, and, or
  case no, fewer, less, minimum, maximum, least_ = "minimal", an, a, the, as_ = "as", in_ = "in"
  case exceeding, exceeded, beyond, under, below, just, well, nigh, still
  // Number words
  case zero, one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve
  case thirteen, fourteen, fifteen, sixteen, seventeen, eighteen, nineteen, twenty, thirty
  case forty, fifty, sixty, seventy, eighty, ninety, hundred, thousand, million, billion
  case dozen, dozens, scores, hundreds, thousands, millions, tens, couple, single, handful
  case score
  // Units that make a number a measure, not a count
  case percent, pct, km, kilometers, kilometres, kilometer, kilometre, miles, mile, meters
  case metres, meter, metre, square, sq, hectares, acres, feet, foot, yards, inches, cm, mm
  case kg, kilograms, tons, tonnes, pounds, liters, litres, gallons, barrels, degrees
  case dollars, dollar, euros, euro, rubles, roubles, manat, hryvnias, shekels, usd, eur
  case years, year, months, month, weeks, week, days, day, hours, hour, minutes, minute
  case seconds, decades, decade, centuries, century, nights, night, times, old, aged, age
  case gmt, utc, am, pm, cent, per, points, votes, seats, rounds, shells, missiles_fired = "salvos"
  case meetings, resolutions, countries, nations, states, sides, parties, kilometre_ = "km²"
  case bn, mln, m, k
  // Auxiliaries, adverbs and particles skipped between a noun phrase and its verb
  case were, was, have, has, had, been, being, be, are, is_ = "is", reportedly, also, allegedly
  case since, so, far, now, already, later, all, reported, confirmed, both, each, other, others_ = "another"
  case had_ = "having", not, never, yet, officially, subsequently, initially, then, who, which, that
  case further, additional, new, total, overall, combined, altogether, including, among, them
  case whom, those, these, this, its, their, his, her, our, my, your, it, they, he, she, we, i_ = "i"
  case by, on, from, with, for_ = "for", into, during, after, before, across, while_ = "while", when, where_ = "where", but
  case belonging, belonged, owned, enemy, hostile, opposing, side, own, left, leaving, leave
  case toll, number, tally, count, figure, rose, risen, climbed, reached, stood, stands, stand
  case increased, jumped, soared, hit, put, raised, brought, bringing, reaching, rising, climbing
  case forced, forcing, made, making, homes, home, houses
  // Attribution
  case said, says, say, saying, reports, report, announced, announces, claimed, claims, claim
  case confirms, stated, told, tells, added, adds, wrote, writes, tweeted
  case according, cited, citing, quoted, quoting, posted, declared, insisted, alleged, noted
  case acknowledged, admitted, estimates, estimate, counted, recorded, documented, updated
  case publishes, published, release, released, statement, indicated, showed, shows, put_ = "puts"
  // Negation
  case none, nobody, any, neither, nor, denied, denies, deny, without, zero_ = "nil"
  // Destruction and seizure
  case destroyed, destroying, destroy, downed, down, shot, shooting, shoot, eliminated
  case eliminating, knocked, out, neutralized, neutralised, intercepted, disabled, burned
  case struck, damaged, seized, seizing, seize, liberated, liberating, took, taken, take, taking
  case control, controls, recaptured, retook, retaken, occupied, overran, gained, captured_ = "capture"
  case entered, freed, regained, cleared
  // Population
  case population, inhabitants, residents, people, city, town, home_to = "hosts", populated
  // Titles stripped from names
  case president, minister, prime, spokesman, spokeswoman, spokesperson, aide, adviser
  case advisor, general, gen, colonel, col, lieutenant, lt, major, maj, captain, capt
  case governor, mayor, senator, mr, mrs, ms, dr, secretary, commander, chief, head, leader
  case deputy, ambassador, envoy, representative, official, officials, authorities, government
  case sources, witnesses, medics, source, foreign, defense, defence, interior, health
  case ministry, army, forces, force, staff, office, agency, service, committee, council, people_ = "persons"
  // Dates that gate historical figures
  case ago, earlier, yesterday, today
  case near, separately, late, last, what, how, there, only, previously, local, news, emergency, emergencies, armed, country, nation, region
  case press, military, state, air, navy, national
  case internally, seriously, critically, severely, lightly, fatally, badly, mortally
  case activists, launched, fired, sent, deployed, supplied, delivered, provided, fire, launch
}

extension Word {
  /// Every word, in the order of their codes.
  static let table: [Word] = Word.allCases

  /// The spelling of the word, lower case, as it appears in text.
  var spelling: String { rawValue }
}
