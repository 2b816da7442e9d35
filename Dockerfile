# tiebot image: a venv built in one stage, copied into a slim runtime that
# runs as an unprivileged user and writes only under /app/data.

FROM python:3.13-slim AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
RUN python -m venv /opt/venv
# Dependencies first (from pyproject.toml, pinned by constraints.txt), installed
# with an empty package so code edits reuse this layer.
# README.m[d]: the glob keeps the build working before a README exists.
COPY constraints.txt pyproject.toml README.m[d] ./
RUN mkdir bot && touch bot/__init__.py \
    && /opt/venv/bin/pip install -q -c constraints.txt . \
    && /opt/venv/bin/pip uninstall -q -y tiebot && rm -rf bot build
# discord.py's speed extras and uvloop ship unstripped C extensions (uvloop 14 MB, zstandard
# 24 MB with a second, cffi backend it never loads when the C one is there): stripped, with
# the Cython sources and the cffi backend left out, they add about 5 MB.
# Pictures (bot/pictures) only write PNG: Pillow's wheel also brings AVIF, WebP, colour
# management, Tk and image-math modules with their libraries, left out here, and symbols,
# stripped, so the picture stack adds under 15 MB to the image.  The build checks a
# picture below, so a broken library fails the build, not the bot.
RUN apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends binutils libfribidi0 >/dev/null \
    && mkdir /opt/fribidi && cp -a /usr/lib/*/libfribidi.so.0* /opt/fribidi/ \
    && site=$(/opt/venv/bin/python -c "import sysconfig; print(sysconfig.get_paths()['purelib'])") \
    && rm -f "$site"/PIL/_avif.* "$site"/PIL/_webp.* "$site"/PIL/_imagingcms.* \
        "$site"/PIL/_imagingtk.* "$site"/PIL/_imagingmath.* "$site"/PIL/_imagingmorph.* \
        "$site"/pillow.libs/libavif* "$site"/pillow.libs/libwebp* \
        "$site"/pillow.libs/libsharpyuv* "$site"/pillow.libs/liblcms2* \
        "$site"/zstandard/_cffi.* "$site"/zstandard/backend_cffi.py \
    && find "$site"/uvloop \( -name '*.pyx' -o -name '*.pxd' -o -name '*.pxi' \) -delete \
    && strip --strip-unneeded "$site"/pillow.libs/*.so* "$site"/PIL/*.so "$site"/bidi/*.so \
        "$site"/uvloop/*.so "$site"/zstandard/*.so "$site"/_brotli*.so "$site"/orjson/*.so \
        "$site"/pycares/*.so
COPY bot ./bot
# The translations are compiled here (.po -> .mo), so the image never compiles at run time.
# Then what the bot never runs is left out of the venv: pip, the CLDR data of the languages
# it does not speak (Babel's 1,000 locales are 32 MB; ours and their parents, 1 MB), the
# Windows voice DLLs of discord.py, and the symbols of every extension.  The last stage
# answers in each language, so a locale missing here fails the build.
RUN /opt/venv/bin/pybabel compile -D tiebot -d bot/wording/locales --statistics \
    && /opt/venv/bin/pip install -q --no-deps -c constraints.txt . \
    && /opt/venv/bin/python -c "import bot.__main__, uvloop, orjson, zstandard, brotli, aiodns" \
    && site=$(/opt/venv/bin/python -c "import sysconfig; print(sysconfig.get_paths()['purelib'])") \
    && /opt/venv/bin/python -c "import babel, os; from babel.core import get_global; \
import bot.wording.i18n.catalogs as C; L = C.BABEL_LOCALES; \
up = lambda n: get_global('parent_exceptions').get(n) or n.rpartition('_')[0] or 'root'; \
keep = {m for n in L.values() for a in [up(n)] for b in [up(a)] for m in (n, a, b, 'root')}; \
d = os.path.join(os.path.dirname(babel.__file__), 'locale-data'); \
[os.remove(os.path.join(d, f)) for f in os.listdir(d) if f.endswith('.dat') and f[:-4] not in keep]" \
    && rm -rf "$site"/pip "$site"/pip-* /opt/venv/bin/pip* "$site"/discord/bin/*.dll \
    && find "$site" -name '*.so*' -type f -exec strip --strip-unneeded {} +

FROM python:3.13-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    TIEBOT_DATA=/app/data/seasons \
    TIEBOT_DB=/app/data/tiebot.sqlite3 \
    TIEBOT_CLUBS=/app/data/clubs.toml \
    TIEBOT_STATE=/app/data/state
# Debian's libfribidi0 (0.2 MB, taken from the builder without apt's own files): Pillow's
# wheel loads it at run time to order right-to-left text (Arabic) through libraqm.
COPY --from=builder /opt/fribidi/ /usr/local/lib/
RUN ldconfig && groupadd --system --gid 10001 tiebot \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin tiebot \
    && mkdir -p /app/data/state \
    && chown -R 10001:10001 /app/data
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
COPY --chown=10001:10001 data/ /app/data/
USER 10001:10001
# Parse the documents now: the image starts with a ready database, and a
# document that fails to parse shows up at build time.
RUN python -m bot load \
    && python -c "from PIL import features; assert features.check('raqm'), 'no raqm'" \
    && python -m bot ask '/bracket 2023' --out /tmp/check.png && rm -f /tmp/check*.png \
    && for lang in en fr ar pt; do python -m bot ask --lang $lang '/settings' >/dev/null \
        && python -m bot ask --lang $lang '/tie Simba 2012' >/dev/null || exit 1; done
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot", "health"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
