"""`python -m pqlkit` is `pql`."""

from pqlkit.cli.app import main

main()
