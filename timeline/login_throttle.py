"""Editors' sign-in, throttled: after repeated failures an account (or a client) is paused.

Each failed sign-in (Django's ``user_login_failed`` signal, whatever the form) counts
against the user name tried and against the client it came from, in the shared cache, for
`WINDOW` seconds from the first failure. At `PER_ACCOUNT` failures for a name, or
`PER_CLIENT` from one client, sign-in is paused for what is left of the window: the admin's
login form says so and refuses even the right password, and the pause is logged once. A
successful sign-in clears its account's count.

The client is `timeline.rate_limit.client_address`: behind the proxy, the address it saw.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.http import HttpRequest

from timeline.rate_limit import client_address

logger = logging.getLogger("timeline.login")

WINDOW = 15 * 60
PER_ACCOUNT = 10
PER_CLIENT = 30


def _keys(username: str, request: HttpRequest | None) -> list[tuple[str, int]]:
    name = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    return [
        (f"redline:login:account:{name}", PER_ACCOUNT),
        (f"redline:login:client:{client_address(request)}", PER_CLIENT),
    ]


def paused_for(username: str, request: HttpRequest | None) -> int:
    """Seconds left before ``username`` may try again from this client (0: now)."""
    now = time.time()
    waits = [
        int(found[1] - now) + 1
        for key, limit in _keys(username, request)
        if (found := cache.get(key)) and found[0] >= limit and found[1] > now
    ]
    return max(waits, default=0)


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs) -> None:
    username = str(credentials.get("username", ""))
    now = time.time()
    for key, limit in _keys(username, request):
        count, until = cache.get(key) or (0, now + WINDOW)
        if until <= now:
            count, until = 0, now + WINDOW
        count += 1
        cache.set(key, (count, until), timeout=max(1, int(until - now)))
        if count == limit:
            logger.warning(
                "Sign-in paused for %d s after %d failures (%s, client %s).",
                int(until - now),
                count,
                "account" if ":account:" in key else "client",
                client_address(request),
            )


@receiver(user_logged_in)
def _clear_on_success(sender, request, user, **kwargs) -> None:
    cache.delete(_keys(user.get_username(), request)[0][0])


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    """The admin's login form, refusing while sign-in is paused, and saying for how long."""

    def clean(self):
        username = self.data.get("username", "")
        wait = paused_for(username, self.request)
        if wait:
            minutes = max(1, round(wait / 60))
            raise ValidationError(
                "Too many failed sign-ins. Signing in is paused for about "
                f"{minutes} minute{'s' if minutes != 1 else ''}; try again then, or ask "
                "another editor to check your account.",
                code="paused",
            )
        return super().clean()
