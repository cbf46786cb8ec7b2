"""Edition: what a build may show. The public edition withholds confidential events and letters'
analyses here, before anything is indexed, so that no later stage ever holds a withheld word."""
