"""One HTTP client for every request filmgraph makes (MediaWiki API, SPARQL servers).

A ``requests.Session`` with filmgraph's User-Agent, a timeout that bounds the *whole* request (a server
that dribbles one byte a second cannot hold a run), and one mapping of transport failures and HTTP
errors to one-line :class:`~filmgraph.errors.FilmgraphError` messages.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from typing import Any

import requests
import urllib3

from filmgraph import __version__
from filmgraph.errors import FilmgraphError

USER_AGENT = f"filmgraph/{__version__} (https://example.org/filmgraph; film knowledge graphs)"
_CHUNK = 65536
# The most an answer may hold once decoded (gzip undone): a MediaWiki page of the largest size filmgraph reads is
# a few MB, and a server sending more (a 2 MB gzip of 2 GiB, a body that never ends) is refused, not held.
MAX_ANSWER_BYTES = 64 * 1024 * 1024


class HttpClient:
    """Requests with a deadline, a User-Agent and one-line errors.

    ``token`` sends a bearer token, ``auth`` a (user, password) pair for basic authentication; an answer
    larger than ``max_bytes`` once decoded is refused.
    """

    def __init__(self, *, timeout: float = 30.0, user_agent: str = USER_AGENT, auth: tuple[str, str] | None = None,
                 token: str | None = None, max_bytes: int = MAX_ANSWER_BYTES) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        elif auth:
            self.session.auth = auth

    def request(self, method: str, url: str, *, passthrough: Collection[int] = (), **kwargs: Any) -> requests.Response:
        """Send one request and read its whole answer within ``timeout`` seconds and ``max_bytes`` bytes.

        An HTTP status of 400 or more raises FilmgraphError, unless it is in ``passthrough``.
        """
        deadline = time.monotonic() + self.timeout
        # A redirect of a request with a body is never followed: requests would turn a PUT or POST answered
        # 302/303 into a GET of the page it names (a login page) and call the load done.
        follow = method.upper() in ("GET", "HEAD")
        try:
            response = self.session.request(method, url, timeout=self.timeout, stream=True,
                                            allow_redirects=follow, **kwargs)
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_bytes and "Content-Encoding" not in response.headers:
                response.close()
                raise _TooLarge()
            body = bytearray()
            # read1 returns what has arrived (a read of N bytes would wait for all N), so the deadline is
            # checked as the answer trickles in: one byte a second cannot hold a run.
            read1 = getattr(response.raw, "read1", None)
            while True:
                if time.monotonic() > deadline:
                    response.close()
                    raise requests.Timeout()
                chunk = read1(_CHUNK, decode_content=True) if read1 else response.raw.read(1024, decode_content=True)
                if not chunk:
                    break
                body += chunk
                # Counted as decoded: each read decodes at most _CHUNK bytes, so a compressed bomb stops here too.
                if len(body) > self.max_bytes:
                    response.close()
                    raise _TooLarge()
            response._content = bytes(body)  # the answer, read within the deadline
        except _TooLarge as exc:
            raise FilmgraphError(f"{url}: an answer larger than {self.max_bytes:,} bytes; refused") from exc
        except (requests.Timeout, urllib3.exceptions.ReadTimeoutError) as exc:
            raise FilmgraphError(f"{url}: no answer within {self.timeout:g} s") from exc
        except urllib3.exceptions.HTTPError as exc:  # the body, read from the socket directly, broke off
            raise FilmgraphError(f"{url}: the answer broke off ({type(exc).__name__})") from exc
        except requests.ConnectionError as exc:
            raise FilmgraphError(f"{url}: cannot connect (is the server running?)") from exc
        except requests.RequestException as exc:
            raise FilmgraphError(f"{url}: {type(exc).__name__}") from exc
        if not follow and 300 <= response.status_code < 400 and response.status_code not in passthrough:
            target = " ".join(str(response.headers.get("Location", "")).split())[:200]
            raise FilmgraphError(f"{url}: HTTP {response.status_code} {response.reason}: the server redirects the "
                                 f"{method.upper()} to {target or 'another address'}; filmgraph does not follow it "
                                 "(give the address it should go to)")
        if response.status_code >= 400 and response.status_code not in passthrough:
            message = " ".join(response.text.strip().splitlines()[:3])[:300]
            raise FilmgraphError(f"{url}: HTTP {response.status_code} {response.reason}: {message}".rstrip(": "))
        return response

    def close(self) -> None:
        self.session.close()


class _TooLarge(Exception):
    """An answer past the size limit (turned into a FilmgraphError naming the URL)."""
