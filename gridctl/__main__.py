from gridctl.cli.app import main

main()
