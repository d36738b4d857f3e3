"""The sales channels in the window: the Channels tab, Sync now and the channels' connect forms."""
