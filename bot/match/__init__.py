"""Match stage: aliases and concepts, query syntax, the match index, subscriptions."""
