from timeline.models import Collection


def collection(request) -> dict:
    """Where the data comes from and when it was last updated, for every page's footer."""
    return {"collection": Collection.objects.first()}
