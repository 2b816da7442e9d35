"""Command sync only when the definitions changed.

Discord rate-limits command uploads and global commands take a while to
propagate, so the bot keeps the sha256 of the last payload it synced per
target (global or a guild id) in ``state_dir`` and syncs at start only when
that hash differs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

log = logging.getLogger(__name__)
STATE_FILE = "commands.sha256"  # same name as Settings.sync_hash_file


def target_name(guild_id: int | None) -> str:
    return "global" if guild_id is None else f"guild:{guild_id}"


async def commands_payload(tree: app_commands.CommandTree[Any], guild_id: int | None) -> list[Any]:
    """The JSON Discord receives for this target (what ``tree.sync`` would upload), with the
    translator's localizations: a changed translation is a changed definition."""
    guild = discord.Object(id=guild_id) if guild_id is not None else None
    commands = tree.get_commands(guild=guild)
    translator = tree.translator
    if translator is None:
        payload = [cmd.to_dict(tree) for cmd in commands]
    else:
        payload = [await cmd.get_translated_payload(tree, translator) for cmd in commands]
    return sorted(payload, key=lambda c: str(c.get("name")))


async def commands_hash(tree: app_commands.CommandTree[Any], guild_id: int | None) -> str:
    payload = await commands_payload(tree, guild_id)
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def read_hashes(state_dir: Path) -> dict[str, str]:
    """``target → sha256`` from lines ``<target> <sha256>``; unreadable means "never synced"."""
    try:
        text = (state_dir / STATE_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    pairs = (line.split() for line in text.splitlines())
    return {p[0]: p[1] for p in pairs if len(p) == 2}


def write_hash(state_dir: Path, target: str, digest: str) -> None:
    """Record a successful sync (atomic replace so a crash never leaves half a file)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    hashes = read_hashes(state_dir)
    hashes[target] = digest
    tmp = state_dir / f".{STATE_FILE}.tmp"
    tmp.write_text("".join(f"{k} {v}\n" for k, v in sorted(hashes.items())), encoding="utf-8")
    os.replace(tmp, state_dir / STATE_FILE)


def prepare(tree: app_commands.CommandTree[Any], guild_id: int | None) -> None:
    """For a dev guild, copy the global commands there so they appear instantly."""
    if guild_id is not None:
        tree.copy_global_to(guild=discord.Object(id=guild_id))


async def sync(tree: app_commands.CommandTree[Any], state_dir: Path, guild_id: int | None) -> int:
    """Upload the commands for the target unconditionally; returns how many were synced."""
    prepare(tree, guild_id)
    guild = discord.Object(id=guild_id) if guild_id is not None else None
    synced = await tree.sync(guild=guild)
    write_hash(state_dir, target_name(guild_id), await commands_hash(tree, guild_id))
    log.info("synced %d commands to %s", len(synced), target_name(guild_id))
    return len(synced)


async def sync_if_changed(
    tree: app_commands.CommandTree[Any], state_dir: Path, guild_id: int | None
) -> bool:
    """Sync only when the command definitions differ from the last sync; True if synced."""
    prepare(tree, guild_id)
    target = target_name(guild_id)
    digest = await commands_hash(tree, guild_id)
    if read_hashes(state_dir).get(target) == digest:
        log.info("commands unchanged for %s; not syncing", target)
        return False
    await sync(tree, state_dir, guild_id)
    return True
