extension Instance {
    /// Loads a spec file and its data.
    public init(specPath: String) throws(InputError) {
        try self.init(spec: InstanceSpec(contentsOf: specPath))
    }

    /// Loads the data a spec names, splits and encodes them as it says, and draws its collective.
    public init(spec: InstanceSpec) throws(InputError) {
        self = try DataTable(spec: spec).split().encoded().instance(collective: spec.collective)
    }
}

extension EncodedData {
    /// The planning problem with a collective as a spec states it.
    public func instance(collective: InstanceSpec.Collective) throws(InputError) -> Instance {
        switch collective {
        case .fraction(let alpha, let seed): return drawCollective(alpha: alpha, seed: seed)
        case .column: return try collectiveFromMembership()
        }
    }
}
