import Foundation
import Testing

/// A small ledger built by importing a CSV written for the report tests: commas, quotes and a line
/// break in one quote, non-ASCII text (`Füzuli`, `Понедельник`), text starting with `=`, `+`, `-`
/// and `@`, a regression that makes a negative change, a range, open bounds and an undated document.
enum ReportFixture {
  /// The analyst's file, guarded as tally writes CSV (a leading `'` before `=`, `+`, `-`, `@`).
  static let importCSV =
    "document,source,published,claimant,party,category,subject,value,low,high,qualifier,as_of,location,quote,start,end\r\n"
    + "bulletin-a.txt,\"Courier, Evening Edition\",2020-10-01,Armenia Defense Ministry,Armenia,killed,military,30,30,30,exact,2020-10-01,,\"He said: \"\"30 servicemen, all conscripts,\nwere killed\"\"\",10,52\r\n"
    + "bulletin-a.txt,\"Courier, Evening Edition\",2020-10-01,,Azerbaijan,killed,civilian,5,6,,more_than,2020-10-02,,Понедельник: more than 5 civilians died near Füzuli,60,125\r\n"
    + "bulletin-b.txt,'@FrontlineDesk,2020-10-03,Armenia Defense Ministry,Armenia,killed,military,16,16,16,exact,2020-10-03,,'=16 after the correction,0,24\r\n"
    + "bulletin-b.txt,'@FrontlineDesk,2020-10-03,Armenia Defense Ministry,Armenia,wounded,military,10,10,15,range,2020-10-03,,'-10 to 15 wounded,30,48\r\n"
    + "bulletin-b.txt,'@FrontlineDesk,2020-10-03,Füzuli District Office,Azerbaijan,population,,12000,,,about,2020-10-02,Füzuli,'+ about 12000 people live in Füzuli,50,88\r\n"
    + "bulletin-c.txt,,,Army Press Office,Armenia,captured,military,3,,3,up_to,2020-10-02,,'@ up to 3 soldiers captured,5,30\r\n"
    + "bulletin-c.txt,,,Armenia Defense Ministry,Armenia,killed,military,30,30,30,exact,2020-10-01,,30 servicemen were killed,40,64\r\n"

  /// `claims.csv` of the fixture, without `--bom` and `--hxl`.
  static let claimsCSV =
    "document,source,published,claimant,party,category,subject,value,low,high,qualifier,as_of,location,quote,start,end,sightings\r\n"
    + "bulletin-a.txt,\"Courier, Evening Edition\",2020-10-01,Armenia Defense Ministry,Armenia,killed,military,30,30,30,exact,2020-10-01,,\"He said: \"\"30 servicemen, all conscripts,\nwere killed\"\"\",10,52,2\r\n"
    + "bulletin-c.txt,,,Armenia Defense Ministry,Armenia,killed,military,30,30,30,exact,2020-10-01,,30 servicemen were killed,40,64,2\r\n"
    + "bulletin-c.txt,,,Army Press Office,Armenia,captured,military,3,,3,up_to,2020-10-02,,'@ up to 3 soldiers captured,5,30,1\r\n"
    + "bulletin-a.txt,\"Courier, Evening Edition\",2020-10-01,,Azerbaijan,killed,civilian,5,6,,more_than,2020-10-02,,Понедельник: more than 5 civilians died near Füzuli,60,125,1\r\n"
    + "bulletin-b.txt,'@FrontlineDesk,2020-10-03,Füzuli District Office,Azerbaijan,population,,12000,,,about,2020-10-02,Füzuli,'+ about 12000 people live in Füzuli,50,88,1\r\n"
    + "bulletin-b.txt,'@FrontlineDesk,2020-10-03,Armenia Defense Ministry,Armenia,killed,military,16,16,16,exact,2020-10-03,,'=16 after the correction,0,24,1\r\n"
    + "bulletin-b.txt,'@FrontlineDesk,2020-10-03,Armenia Defense Ministry,Armenia,wounded,military,10,10,15,range,2020-10-03,,'-10 to 15 wounded,30,48,1\r\n"

  /// The HXL row of `claims.csv`.
  static let claimsHXL =
    "#meta+document,#meta+source,#date+published,#org+claimant,#group+party,#indicator+category,#indicator+subject,#affected+num,#affected+num+min,#affected+num+max,#meta+qualifier,#date+occurred,#loc+name,#description+quote,#meta+offset+start,#meta+offset+end,#meta+sightings\r\n"

  /// `daily.csv` of the fixture, without `--bom` and `--hxl`.
  static let dailyCSV =
    "date,party,category,subject,claimant,value,low,high,change,status,sources\r\n"
    + "2020-10-01,Armenia,killed,military,Armenia Defense Ministry,30,30,30,,reported,2\r\n"
    + "2020-10-02,Armenia,killed,military,Armenia Defense Ministry,30,30,30,0,carried,2\r\n"
    + "2020-10-02,Armenia,captured,military,Army Press Office,3,,3,,reported,1\r\n"
    + "2020-10-02,Azerbaijan,killed,civilian,,5,6,,,reported,1\r\n"
    + "2020-10-03,Armenia,killed,military,Armenia Defense Ministry,16,16,16,-14,reported,1\r\n"
    + "2020-10-03,Armenia,wounded,military,Armenia Defense Ministry,10,10,15,,reported,1\r\n"
    + "2020-10-03,Armenia,captured,military,Army Press Office,3,,3,0,carried,1\r\n"
    + "2020-10-03,Azerbaijan,killed,civilian,,5,6,,0,carried,1\r\n"

  /// The HXL row of `daily.csv`.
  static let dailyHXL =
    "#date,#group+party,#indicator+category,#indicator+subject,#org+claimant,#affected+num,#affected+num+min,#affected+num+max,#affected+num+change,#status,#meta+sources\r\n"

  /// A CSV's expected bytes with the options given: the HXL row under the header, the byte order mark first.
  static func expected(_ csv: String, hxl hxlRow: String, bom: Bool, hxl: Bool) -> [UInt8] {
    var text = csv
    if hxl, let end = text.range(of: "\r\n") { text.insert(contentsOf: hxlRow, at: end.upperBound) }
    return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
  }

  /// A temporary folder holding `l.sqlite`, the fixture imported into it.
  static func ledger() throws -> TempFolder {
    let folder = try TempFolder()
    try folder.write("fixture.csv", importCSV)
    let result = try Tally.run(["import", "--db", "l.sqlite", "fixture.csv"], in: folder.url)
    #expect(result.stdout == "imported 7 figures from fixture.csv (6 new claims)\n", "\(result.stderr)")
    #expect(result.exitCode == 0)
    return folder
  }

  /// The bytes of `name` in `folder`.
  static func bytes(_ folder: TempFolder, _ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path(name))))
  }

  /// The names in a folder, sorted.
  static func names(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }
}
