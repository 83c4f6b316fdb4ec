"""A stand-in for an Elasticsearch cluster: records each request the client sends and answers from a script.

The real ``elasticsearch.Elasticsearch`` client is used; only its
``perform_request`` (where every API call ends, after argument handling) is
replaced, so the method, path, query parameters and body asserted are the
ones that would go over the wire.
"""

from dataclasses import dataclass, field

from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig, ObjectApiResponse
from elasticsearch import BadRequestError, Elasticsearch, NotFoundError


@dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object
    endpoint: str


def meta(status=200):
    return ApiResponseMeta(
        status=status, http_version="1.1", headers=HttpHeaders(), duration=0.0, node=NodeConfig("http", "es.test", 9200)
    )


def search_response(hits=(), total=None, aggregations=None):
    body = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": len(hits) if total is None else total, "relation": "eq"},
            "max_score": None,
            "hits": list(hits),
        },
    }
    if aggregations is not None:
        body["aggregations"] = aggregations
    return body


def hit(page_id, source, score=1.0, highlight=None):
    item = {"_index": "wagtail_bhxh-1", "_id": str(page_id), "_score": score, "_source": source}
    if highlight:
        item["highlight"] = highlight
    return item


@dataclass
class FakeCluster:
    #: endpoint id (e.g. "search", "bulk", "indices.create") -> list of bodies answered in turn (the last repeats);
    #: a body of None answers 404, "bad request" answers 400.
    script: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)

    def client(self):
        client = Elasticsearch("http://es.test:9200")
        client.perform_request = self.perform_request
        return client

    def answer(self, endpoint, *bodies):
        self.script[endpoint] = list(bodies)

    def perform_request(self, method, path, *, params=None, headers=None, body=None, endpoint_id=None, path_parts=None):
        self.requests.append(Request(method, path, dict(params or {}), body, endpoint_id))
        queue = self.script.get(endpoint_id)
        if queue:
            reply = queue.pop(0) if len(queue) > 1 else queue[0]
        else:
            reply = DEFAULTS.get(endpoint_id, {"acknowledged": True})
        if callable(reply):
            reply = reply(body)
        if reply is None:
            raise NotFoundError(message="index_not_found_exception", meta=meta(404), body={"status": 404})
        if reply == "bad request":
            raise BadRequestError(message="search_phase_execution_exception", meta=meta(400), body={"status": 400})
        return ObjectApiResponse(body=reply, meta=meta())

    def sent(self, endpoint):
        return [request for request in self.requests if request.endpoint == endpoint]

    @property
    def endpoints(self):
        return [request.endpoint for request in self.requests]


def bulk_ok(operations):
    items = []
    for operation in operations[::1]:
        if "index" in operation:
            items.append({"index": {"_id": operation["index"]["_id"], "status": 201, "result": "created"}})
        elif "delete" in operation:
            items.append({"delete": {"_id": operation["delete"]["_id"], "status": 404, "result": "not_found"}})
    return {"took": 1, "errors": False, "items": items}


DEFAULTS = {
    "search": search_response(),
    "bulk": bulk_ok,
    "delete_by_query": {"deleted": 1, "failures": []},
    "indices.get_alias": {"wagtail_bhxh-20260101000000000000": {"aliases": {"wagtail_bhxh": {}}}},
}
