"""Settings shared by the whole test suite."""

from hypothesis import settings

# Property tests check what the code does, not how fast: Hypothesis's default deadline of 200 ms per example
# failed a test whenever the machine running the suite was busy. Speed is measured by the benchmark.
settings.register_profile("evdigest", deadline=None)
settings.load_profile("evdigest")
