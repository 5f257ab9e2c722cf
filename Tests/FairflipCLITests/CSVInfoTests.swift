import FairflipTestSupport
import Foundation
import Testing

/// `fairflip csv-info`: the columns as the loader reads them, with the load's wall and CPU time,
/// and the loader's located errors.
@Suite("csv-info")
struct CSVInfoTests {
    @Test func describesTypedAndTextColumns() throws {
        let folder = Scratch()
        let file = folder.write("t.csv", "x,g,y\n1.5,min,1\n-2,\" maj\",0\n4e1,maj ,1\n")
        let run = try fairflip(["csv-info", file, "--json", "--threads", "2"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(object["rows"] as? Int == 3)
        #expect((object["loadSeconds"] as? Double).map { $0 >= 0 } == true)
        #expect((object["loadCPUSeconds"] as? Double).map { $0 >= 0 } == true)
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.map { $0["type"] as? String } == ["numeric", "text", "numeric"])
        let mean: Double = (1.5 - 2.0 + 40.0) / 3.0
        #expect(columns[0]["mean"] as? Double == mean)
        #expect(columns[1]["distinct"] as? Int == 2)  // "min" and "maj": texts are trimmed
    }

    @Test func aRaggedRowIsLocated() throws {
        let folder = Scratch()
        let file = folder.write("t.csv", "x,g\n1,a\n2\n")
        let run = try fairflip(["csv-info", file, "--json"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        for fragment in [file, "line 3", "column 'g'", "ragged row"] {
            #expect(run.stderr.contains(fragment), "'\(fragment)' in \(run.stderr)")
        }
    }
}
