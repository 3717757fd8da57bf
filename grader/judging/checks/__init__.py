"""The graded scenarios of each exercise, one module per exercise (see grader/course/manifest.toml)."""
