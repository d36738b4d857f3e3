"""Pure domain logic: no Qt, no network, no disk."""
