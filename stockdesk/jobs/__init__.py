"""Use cases shared by the window and the command line: connect, reconstruct, review, push, sync.

Every long job is an ``async`` function that takes an optional progress callback; cancelling the
asyncio task cancels the job, and running it again resumes from what the database already holds.
"""
