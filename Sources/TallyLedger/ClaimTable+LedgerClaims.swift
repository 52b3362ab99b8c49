import TallyExtractor

extension ClaimTable {
  /// The table of `claims`, in their order, each claim's sightings in their order; with details.
  ///
  /// ``claims()`` gives back claims equal to `claims`, strings byte for byte.
  public init(_ claims: [LedgerClaim]) {
    var table = StringTable()
    var documents: [DocumentKey: Int32] = [:]
    reserve(claims.count)
    for claim in claims {
      append(
        id: claim.id, claimant: table.id(claim.claimant), party: table.id(claim.party), category: claim.category,
        subject: table.id(claim.subject), value: claim.value, low: claim.low, high: claim.high,
        qualifier: claim.qualifier, asOf: table.id(claim.asOf), location: table.id(claim.location))
      for sighting in claim.sightings {
        // A sighting names its document's fields itself: a document is those fields and its id.
        let key = DocumentKey(
          id: sighting.documentID, name: table.id(sighting.document), source: table.id(sighting.source),
          published: table.id(sighting.published))
        let document: Int32
        if let known = documents[key] {
          document = known
        } else {
          document = Int32(documentIDs.count)
          documents[key] = document
          documentIDs.append(key.id)
          documentNames.append(key.name)
          documentSources.append(key.source)
          documentPublished.append(key.published)
        }
        sightingDocuments.append(document)
        sightingStarts.append(sighting.start)
        sightingEnds.append(sighting.end)
        quotes.append(sighting.quote)
      }
      sightingBounds.append(Int32(sightingDocuments.count))
    }
    strings = table.strings
  }

  /// A document as sightings name it.
  private struct DocumentKey: Hashable {
    var id: Int64
    var name: Int32
    var source: Int32
    var published: Int32
  }

  /// Makes room for `count` claims.
  mutating func reserve(_ count: Int) {
    ids.reserveCapacity(count)
    claimants.reserveCapacity(count)
    parties.reserveCapacity(count)
    categories.reserveCapacity(count)
    subjects.reserveCapacity(count)
    values.reserveCapacity(count)
    bounds.reserveCapacity(count)
    qualifiers.reserveCapacity(count)
    asOfs.reserveCapacity(count)
    locations.reserveCapacity(count)
    sightingBounds.reserveCapacity(count + 1)
  }

  /// Appends a claim with no sightings yet (``sightingBounds`` is the caller's to extend).
  mutating func append(
    id: Int64, claimant: Int32, party: Int32, category: Category, subject: Int32, value: Int64, low: Int64?,
    high: Int64?, qualifier: Qualifier, asOf: Int32, location: Int32
  ) {
    ids.append(id)
    claimants.append(claimant)
    parties.append(party)
    categories.append(category)
    subjects.append(subject)
    values.append(value)
    if low != nil || high != nil { ranges[Int32(ids.count - 1)] = (low ?? 0, high ?? 0) }
    bounds.append((low == nil ? 0 : 1) | (high == nil ? 0 : 2))
    qualifiers.append(qualifier)
    asOfs.append(asOf)
    locations.append(location)
  }

  /// The claim at `index` with its sightings; without details (``hasDetails``), quotes are empty
  /// and each sighting ends where it starts.
  public func claim(at index: Int) -> LedgerClaim {
    let details = hasDetails
    let sightings = self.sightings(of: index).map { position in
      let document = Int(sightingDocuments[position])
      return Sighting(
        documentID: documentIDs[document], document: strings[Int(documentNames[document])],
        source: string(documentSources[document]), published: string(documentPublished[document]),
        quote: details ? quotes[position] : "", start: sightingStarts[position],
        end: details ? sightingEnds[position] : sightingStarts[position])
    }
    return LedgerClaim(
      id: ids[index], claimant: string(claimants[index]), party: string(parties[index]),
      category: categories[index], subject: strings[Int(subjects[index])], value: values[index], low: low(index),
      high: high(index), qualifier: qualifiers[index], asOf: string(asOfs[index]),
      location: string(locations[index]), sightings: sightings)
  }

  /// Every claim, in table order (see ``claim(at:)``).
  public func claims() -> [LedgerClaim] {
    (0..<count).map { claim(at: $0) }
  }
}
