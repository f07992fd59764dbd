"""市场监管大讲堂 training kit."""
