"""A property-based run of the JSON API against its own OpenAPI document (schemathesis):
requests generated from every operation's parameters (the document's examples first,
then fuzzed values), sent to the WSGI application over the test database holding the
whole story, must never be answered with a 5xx and must be answered as the document says
(status, content type, body schema). Derandomized and bounded, so that a run is the same
on every machine and quick."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from timeline.exports.openapi import routes

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(story):
    """The document, and the WSGI application its requests go to: in this thread, over
    the test's own database connection. A WSGI request closes the connection when it ends
    (`close_old_connections`), which on PostgreSQL closed the test's transaction under it;
    Django's test client leaves the connection open, and so does this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# schemathesis.pytest's own parametrization does not run under pytest 9 (it sets a node
# attribute pytest no longer has): one test per operation, driven by hypothesis directly.
@pytest.mark.parametrize("route", [route for route, _ in routes()])
def test_no_answer_is_a_server_error_or_differs_from_the_document(api_schema, route):
    operation = api_schema[route]["GET"]
    examples = operation.get_strategies_from_examples()

    @given(case=st.one_of(*examples, operation.as_strategy()))
    @settings(
        max_examples=25,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    def answered_as_documented(case):
        # The WSGI test client does not decompress; the page cache compresses for
        # whoever accepts it.
        case.call_and_validate(headers={"Accept-Encoding": "identity"}, checks=CHECKS)

    answered_as_documented()
