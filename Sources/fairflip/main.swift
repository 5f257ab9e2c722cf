import FairflipCLI

Fairflip.launch()
