# Marsad in a container: `docker compose up -d` (compose.yaml), or
#   docker build -t marsad . && docker run -d --env-file .env -v marsad-data:/srv/marsad/data marsad
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /opt/marsad
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN pip install . && rm -rf /opt/marsad/build

# An unprivileged user owns the data folder and nothing else.
RUN useradd --system --uid 10001 --create-home --home-dir /srv/marsad --shell /usr/sbin/nologin marsad \
    && mkdir -p /srv/marsad/data \
    && chown -R marsad:marsad /srv/marsad
USER marsad
WORKDIR /srv/marsad

# Relative paths (MARSAD_DATA_DIR=./data, as in .env.example) land in the volume.
# The operator endpoint listens on every interface of the container, so that a published
# port (and a Prometheus beside it) reaches it; the health check below uses it too.
ENV MARSAD_DATA_DIR=/srv/marsad/data \
    MARSAD_HTTP_HOST=0.0.0.0 \
    MARSAD_HTTP_PORT=8080
VOLUME ["/srv/marsad/data"]
EXPOSE 8080

# 200 when polling works and the database is writable; a 503 or no answer fails the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('MARSAD_HTTP_PORT', '8080'), timeout=4)"]

# SIGTERM (docker stop) ends it cleanly: sends in flight finish, the database is closed.
STOPSIGNAL SIGTERM
CMD ["marsad", "run"]
