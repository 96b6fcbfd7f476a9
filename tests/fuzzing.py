"""The one hypothesis profile every fuzz test uses.

Examples per test: ``CLUSTERGRAPH_FUZZ_EXAMPLES`` (default 100); runs are reproducible unless
``CLUSTERGRAPH_FUZZ_RANDOM=1``.
"""

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("CLUSTERGRAPH_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                derandomize=os.environ.get("CLUSTERGRAPH_FUZZ_RANDOM") != "1",
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
