import FairflipCLI

Fairflip.main()
