"""``python -m policyqa``."""

from .cli import main

main()
