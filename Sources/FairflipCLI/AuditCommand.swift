import ArgumentParser
import FairflipData
import FairflipFairness
import FairflipLearning
import FairflipReports
import Foundation

/// `fairflip audit`: train the firm's model and show per-group rates and fairness gaps.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Train the firm's model on an instance and report group rates and fairness gaps.")

    @OptionGroup var options: InstanceOptions

    @Flag(help: "Print the audit as JSON on stdout.")
    var json = false

    func run() throws {
        let progress = Progress(quiet: options.quiet)
        let output = try reportingErrors { () throws -> String in
            progress.note("loading \(options.spec)")
            let instance = try Instance(specPath: options.spec)
            progress.note("training on \(instance.train.count) rows x \(instance.dimension) features")
            let report = try AuditReport(instance: instance)
            return json ? try JSONOutput.encode(report) : report.text
        }
        print(output, terminator: "")
    }
}

/// What `fairflip audit` reports, in JSON and as text.
struct AuditReport: Encodable {
    struct ModelInfo: Encodable {
        var C: Double
        var features: Int
        var iterations: Int
        var converged: Bool
        var gradientNorm: Double
        var intercept: Double
    }

    var instance: String
    var spec: String
    var metric: String
    var model: ModelInfo
    var collective: Int
    var candidates: Int
    var train: AuditSummary
    var test: AuditSummary
    private var trainAudit: FairnessAudit
    private var testAudit: FairnessAudit

    enum CodingKeys: String, CodingKey { case instance, spec, metric, model, collective, candidates, train, test }

    init(instance: Instance) throws {
        let learner = LogisticRegression(C: instance.spec.C)
        let fitted = try learner.fit(instance.train.features, labels: instance.train.labels)
        trainAudit = FairnessAudit(truth: instance.train.truth, predictions: fitted.predictions(instance.train.features),
                                   groups: instance.train.groups)
        testAudit = FairnessAudit(truth: instance.test.truth, predictions: fitted.predictions(instance.test.features),
                                  groups: instance.test.groups)
        self.instance = instance.spec.name
        spec = instance.spec.path
        metric = instance.spec.metric.rawValue
        model = ModelInfo(C: instance.spec.C, features: instance.dimension, iterations: fitted.iterations,
                          converged: fitted.converged, gradientNorm: fitted.gradientNorm, intercept: fitted.intercept)
        collective = instance.collective.count
        candidates = instance.candidates.count
        train = AuditSummary(trainAudit)
        test = AuditSummary(testAudit)
    }

    var text: String {
        """
        instance \(instance) (\(spec))
        firm's model: logistic regression, C = \(model.C), \(model.features) encoded features, \
        \(model.iterations) Newton iterations\(model.converged ? "" : " (NOT converged)")
        collective: \(collective) minority training rows, \(candidates) may flip; metric: \(metric)

        \(AuditTable.render([("train", trainAudit), ("test", testAudit)]))
        """
    }
}
