from django.utils.cache import patch_vary_headers


class VaryOnHtmxMiddleware:
    """Pages answer htmx requests with a fragment and others with the whole page, so every
    response varies on HX-Request (and on the history-restore header that asks for the
    whole page) for any cache in between."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_vary_headers(response, ["HX-Request", "HX-History-Restore-Request"])
        return response
