extension EncodedData {
    /// The planning problem with a seeded random collective: a fraction `alpha` in (0, 1] of
    /// the minority's training rows (rounded, at least one). The same seed gives the same draw.
    public func drawCollective(alpha: Double, seed: UInt64) -> Instance {
        precondition(alpha > 0 && alpha <= 1, "alpha must be in (0, 1]")
        let minority = train.groups.indices.filter { train.groups[$0] == .minority }
        var rng = SeededGenerator(seed: seed)
        let size = max(1, Int((alpha * Double(minority.count)).rounded()))
        return instance(collective: Array(rng.shuffled(minority).prefix(size)).sorted())
    }

    /// The planning problem whose collective is the minority training rows marked 1 (or true,
    /// yes) in the membership column; a value other than 0/1 on such a row is an error.
    public func collectiveFromMembership() throws(InputError) -> Instance {
        guard let membership else {
            throw InputError(file: settings.origin, "the problem names no membership column")
        }
        var members: [Int] = []
        for i in train.groups.indices where train.groups[i] == .minority {
            switch membership.values[i].lowercased() {
            case "1", "true", "yes": members.append(i)
            case "0", "false", "no": break
            case let v:
                throw InputError(file: train.file(ofRow: i), line: train.lines[i], column: membership.column,
                                 "membership must be 0 or 1, got '\(v)'")
            }
        }
        return instance(collective: members)
    }

    /// The planning problem with the given collective (training-row indices).
    public func instance(collective: [Int]) -> Instance {
        Instance(settings: settings, featureNames: featureNames, train: train, test: test,
                 collective: collective.sorted(), sensitiveColumns: sensitiveColumns)
    }
}
