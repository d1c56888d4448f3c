from django.core.management.base import BaseCommand

from timeline.preview_images import SITE_CARD, SITE_CARD_PATH, draw


class Command(BaseCommand):
    help = (
        "Draw the preview image of pages that have none of their own into "
        "static/img/redline-card.png (after a change to the drawing or to the site's card)."
    )

    def handle(self, *args, **options):
        png = draw(SITE_CARD)
        SITE_CARD_PATH.write_bytes(png)
        self.stdout.write(f"Wrote {SITE_CARD_PATH} ({len(png):,} bytes).")
