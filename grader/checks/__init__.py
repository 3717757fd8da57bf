"""The graded scenarios of each exercise, one module per exercise (see grader/manifest.toml)."""
