from fieldkit.registry.cli import main

main()
