import FairflipData
import FairflipTestSupport
import Testing

/// A seeded corpus of damaged specs and CSV files: every one either loads into a sane problem
/// or fails with one `InputError` that names a file, on one line. Never another error, never a crash.
@Suite("Loader fuzz")
struct LoaderFuzzTests {
    /// Fragments a mutation inserts: separators, quotes, line breaks, missing markers, numbers
    /// that overflow or are not numbers, Unicode space, TOML punctuation.
    static let fragments = [",", "\"", "\n", "\r\n", "?", "", " ", "\u{00A0}", "a", "1", "0", "-", "1.7e308", "1e-320",
                            "nan", "inf", "=", "[", "]", "#", "'", "min", "maj", "1.0", "\t"]

    /// `text` with a few seeded edits: deletions, insertions, duplicated or dropped lines.
    static func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var chars = Array(text)
        for _ in 0..<(1 + rng.index(below: 3)) {
            guard !chars.isEmpty else { break }
            let at = rng.index(below: chars.count)
            switch rng.index(below: 5) {
            case 0: chars.remove(at: at)
            case 1, 2: chars.insert(contentsOf: fragments[rng.index(below: fragments.count)], at: at)
            case 3:
                var lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let l = rng.index(below: lines.count)
                lines.insert(lines[l], at: rng.index(below: lines.count))
                chars = Array(lines.joined(separator: "\n"))
            default:
                var lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                lines.remove(at: rng.index(below: lines.count))
                chars = Array(lines.joined(separator: "\n"))
            }
        }
        return String(chars)
    }

    @Test(arguments: 0..<4)
    func damagedInputsLoadSanelyOrFailWithOneClearError(batch: Int) {
        var rng = SeededGenerator(seed: 1000 + UInt64(batch))
        var (loaded, refused) = (0, 0)
        for _ in 0..<60 {
            let s = Scratch()
            let damageSpec = rng.index(below: 3) == 0
            let spec = damageSpec ? Self.mutate(sampleSpec, &rng) : sampleSpec
            let csv = damageSpec ? sampleCSV() : Self.mutate(sampleCSV(), &rng)
            do {
                let instance = try load(s, spec: spec, csv: csv)
                loaded += 1
                let finite = (instance.train.features.storage + instance.test.features.storage).allSatisfy { $0.isFinite }
                #expect(finite, "finite features:\n\(spec)\n\(csv)")
                #expect((instance.train.labels + instance.test.labels).allSatisfy { $0 == 0 || $0 == 1 })
                #expect(instance.collective.allSatisfy { instance.train.groups[$0] == .minority })
                #expect(instance.train.count > 0 && instance.test.count > 0)
            } catch let error as InputError {
                refused += 1
                #expect(error.file != nil, "names a file: \(error)")
                #expect(!error.description.contains("\n"), "one line: \(error)")
            } catch {
                Issue.record("not an InputError: \(error)\nspec:\n\(spec)\ncsv:\n\(csv)")
            }
        }
        // The corpus exercises both outcomes.
        #expect(loaded > 0 && refused > 0, "loaded \(loaded), refused \(refused)")
    }
}
