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


class SecurityHeadersMiddleware:
    """The headers Django does not send itself: a Permissions-Policy that turns off every
    powerful browser feature (Redline uses none), and a Cross-Origin-Resource-Policy that
    lets other sites embed only what is meant to be shared (the preview images)."""

    PERMISSIONS_POLICY = ", ".join(
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "usb",
            "browsing-topics",
        )
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        shared = request.path.startswith("/preview/")
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", "cross-origin" if shared else "same-origin"
        )
        return response
