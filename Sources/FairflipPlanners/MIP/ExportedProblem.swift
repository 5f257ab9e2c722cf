import FairflipSolver

/// A planning MIP as `fairflip export-mps` writes it, with what each column means.
public struct ExportedProblem: Sendable {
    /// What one MPS column stands for.
    public struct Column: Sendable, Codable, Equatable {
        /// The column's name in the MPS file.
        public var name: String
        /// `flip` (a candidate's label flips), `pred` (a planning row's predicted label),
        /// `dtheta` (change of a model parameter) or `aux` (bound on an absolute gap).
        public var kind: String
        /// For `flip` and `pred`: the training row (0-based index into the training split).
        public var trainRow: Int?
        /// For `flip` and `pred`: the row's line in the CSV file (the header is line 1).
        public var csvLine: Int?
        /// For `flip` and `pred` when the training rows come from two files (a pooled re-split
        /// of a spec's train and test files): the row's file. Absent otherwise, where every row
        /// is a line of the one training file. Such a row of the test file is named `t<line>`.
        public var file: String?
        /// For `flip` and `pred`: the row's true label.
        public var label: Int?
        /// For `dtheta`: the encoded feature the parameter multiplies.
        public var feature: String?
        /// For a `flip` column of the hard formulation that stands for several identical candidates
        /// (copies of one training row: `CandidateClasses`): every one of them, the column's own row
        /// first. The column's value is how many of them flip; a solution's value `n` flips the
        /// first `n`. Absent when the column is one candidate (value 0 or 1).
        public var members: [Member]?

        /// One candidate of a merged `flip` column.
        public struct Member: Sendable, Codable, Equatable {
            public var trainRow: Int
            public var csvLine: Int
            /// As `Column.file`.
            public var file: String?
        }
    }

    /// The model.
    public let problem: MIPProblem
    /// One entry per column, in column order.
    public let columns: [Column]
    /// The start the planner would give CBC (its objective and source), for reference.
    public let startObjective: Double?
    public let startSource: String?
    /// Planning rows whose prediction can change (hard formulation).
    public let changeableRows: Int?

    init(formulation: (main: any Formulation, soft: SoftFormulation, changeable: Int?), session: PlanningSession) {
        let main = formulation.main
        problem = main.problem
        changeableRows = formulation.changeable
        let context = session.context
        let train = context.instance.train
        let spans = train.spansFiles
        let fileOf = { (row: Int) in spans ? train.file(ofRow: row) : nil }
        var columns: [Column] = []
        let hard = main as? HardFormulation
        let flipClasses = hard?.flipClasses ?? CandidateClasses(singletons: context.candidates.count)
        for members in flipClasses.members {
            let rows = members.map { context.candidates[$0] }
            let row = rows[0]
            columns.append(Column(name: "", kind: "flip", trainRow: row, csvLine: train.lines[row], file: fileOf(row),
                                  label: train.labels[row] >= 0.5 ? 1 : 0, feature: nil,
                                  members: rows.count == 1 ? nil
                                      : rows.map { Column.Member(trainRow: $0, csvLine: train.lines[$0], file: fileOf($0)) }))
        }
        if let hard {
            for f in context.instance.featureNames {
                columns.append(Column(name: "", kind: "dtheta", trainRow: nil, csvLine: nil, file: nil, label: nil, feature: f, members: nil))
            }
            for j in (0..<hard.classes.count).map(hard.classes.representative) {  // one per class of identical rows
                let row = session.planning.rows[j]
                columns.append(Column(name: "", kind: "pred", trainRow: row, csvLine: train.lines[row], file: fileOf(row),
                                      label: train.labels[row] >= 0.5 ? 1 : 0, feature: nil, members: nil))
            }
        }
        while columns.count < problem.columnCount {
            columns.append(Column(name: "", kind: "aux", trainRow: nil, csvLine: nil, file: nil, label: nil, feature: nil,
                                  members: nil))
        }
        for j in columns.indices { columns[j].name = problem.columnNames[j] }
        self.columns = columns
        let starts = session.starts(main: main, soft: formulation.soft, deadline: session.deadline)
        var best: (String, Double)?
        for s in starts {
            if let v = main.startObjective(for: s.plan), best == nil || v < best!.1 { best = (s.source, v) }
        }
        startSource = best?.0
        startObjective = best?.1
    }
}
