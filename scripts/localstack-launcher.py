"""Starts LocalStack's runtime with its gateway listening on 127.0.0.1 only.

    python scripts/localstack-launcher.py PORT STATE_DIR

LocalStack's twisted server ignores the host part of GATEWAY_LISTEN and listens on every interface (0.0.0.0). This
launcher fixes the host at 127.0.0.1, hands it to the gateway's listening endpoint, and then runs LocalStack's own
entry point. Everything else is LocalStack's configuration through its environment variables, set here so that the
shell script and the JUnit extension start the same server.
"""

import atexit
import os
import shutil
import sys

HOST = "127.0.0.1"


def configure(port: str, state_dir: str) -> None:
    os.environ.update({
        "GATEWAY_LISTEN": f"{HOST}:{port}",
        "OVERRIDE_IN_DOCKER": "0",  # a plain process, not the container image it expects
        "DNS_ADDRESS": "0",  # no DNS server (it would listen on port 53)
        "SKIP_SSL_CERT_DOWNLOAD": "1",  # no network call at start-up
        "DISABLE_EVENTS": "1",  # no analytics
        "SERVICES": "s3,s3control,sts,kms",
        "EAGER_SERVICE_LOADING": "0",
        # Each server its own files: LocalStack clears its tmp folder at start, so two servers must not share one.
        "FILESYSTEM_ROOT": state_dir,
    })


def bind_to_loopback() -> None:
    from twisted.internet import endpoints

    from localstack.runtime.server import twisted as server

    class LoopbackEndpoints:
        """The module's `endpoints`, with every IPv4 listening endpoint given the loopback interface."""

        def __getattr__(self, name):
            return getattr(endpoints, name)

        @staticmethod
        def TCP4ServerEndpoint(reactor, port, backlog=50, interface=""):
            return endpoints.TCP4ServerEndpoint(reactor, port, backlog, interface or HOST)

    server.endpoints = LoopbackEndpoints()


def main() -> None:
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: localstack-launcher.py PORT STATE_DIR")
    state_dir = os.path.abspath(sys.argv[2])
    configure(sys.argv[1], state_dir)
    # Its files (certificates, caches, temporary state) are this server's alone: gone when it stops.
    atexit.register(shutil.rmtree, state_dir, True)
    bind_to_loopback()
    from localstack.runtime import main as runtime

    runtime.main()


if __name__ == "__main__":
    main()
