import ArgumentParser
import FairflipData
import FairflipFairness
import FairflipLearning
import FairflipPlanners
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

    @Flag(help: "Add the seconds spent loading the instance and fitting the model (JSON key \"timing\"; text: a last line).")
    var timings = false

    func run() throws {
        let progress = Progress(quiet: options.quiet)
        let output = try reportingErrors { () throws -> String in
            progress.note("loading \(options.spec)")
            let clock = ContinuousClock()
            let start = clock.now
            let instance = try Instance(specPath: options.spec)
            let loadSeconds = (clock.now - start).seconds
            progress.note("training on \(instance.train.count) rows x \(instance.dimension) features")
            let report = try AuditReport(instance: instance, loadSeconds: timings ? loadSeconds : nil)
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

    /// Wall-clock seconds, reported only with `--timings` (so default output stays byte-identical).
    struct Timing: Encodable {
        var loadSeconds: Double
        var fitSeconds: Double
    }

    var instance: String
    var spec: String
    var metric: String
    var model: ModelInfo
    var collective: Int
    var candidates: Int
    var train: AuditSummary
    var test: AuditSummary
    /// Why the spec's metric is undefined on a split (absent when it is defined on both).
    var undefined: [String]?
    var timing: Timing?
    private var trainAudit: FairnessAudit
    private var testAudit: FairnessAudit

    enum CodingKeys: String, CodingKey { case instance, spec, metric, model, collective, candidates, train, test, undefined, timing }

    /// Fits the firm's model and audits it; with `loadSeconds`, also reports the timings.
    init(instance: Instance, loadSeconds: Double? = nil) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let fitted = try PlanningContext.fitBaseModel(instance)
        let fitSeconds = (clock.now - start).seconds
        timing = loadSeconds.map { Timing(loadSeconds: $0, fitSeconds: fitSeconds) }
        trainAudit = FairnessAudit(truth: instance.train.truth, predictions: fitted.predictions(instance.train.features),
                                   groups: instance.train.groups)
        testAudit = FairnessAudit(truth: instance.test.truth, predictions: fitted.predictions(instance.test.features),
                                  groups: instance.test.groups)
        self.instance = instance.name
        spec = instance.origin
        metric = instance.metric.rawValue
        model = ModelInfo(C: instance.C, features: instance.dimension, iterations: fitted.iterations,
                          converged: fitted.converged, gradientNorm: fitted.gradientNorm, intercept: fitted.intercept)
        collective = instance.collective.count
        candidates = instance.candidates.count
        train = AuditSummary(trainAudit)
        test = AuditSummary(testAudit)
        let reasons = [(trainAudit, UndefinedMetric.trainingSplit), (testAudit, UndefinedMetric.testSplit)].compactMap {
            UndefinedMetric(metric: instance.metric, audit: $0, rows: $1).map { "\($0)" }
        }
        undefined = reasons.isEmpty ? nil : reasons
    }

    var text: String {
        """
        instance \(instance) (\(spec))
        firm's model: logistic regression, C = \(model.C), \(model.features) encoded features, \
        \(model.iterations) Newton iterations\(model.converged ? "" : " (NOT converged)")
        collective: \(collective) minority training rows, \(candidates) may flip; metric: \(metric)

        \(AuditTable.render([("train", trainAudit), ("test", testAudit)]))
        """ + (undefined ?? []).map { "n/a: \($0)\n" }.joined() + (timing.map { "timing: load \($0.loadSeconds) s, fit \($0.fitSeconds) s\n" } ?? "")
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
