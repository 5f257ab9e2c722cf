import FairflipSolver
import Testing

@Suite("Deadline")
struct DeadlineTests {
    @Test func sharesWhatRemainsUpToACap() {
        let d = Deadline(seconds: 100)
        #expect(d.share(0.5, cap: 10) == 10)
        #expect(d.share(0.1) <= 10 && d.share(0.1) > 9)
        #expect(!d.hasPassed)
        let spent = Deadline(seconds: 0)
        #expect(spent.hasPassed)
        #expect(spent.remaining == 0)
        #expect(spent.share(0.9) == 0)
    }
}
