from cardmaker.cli import main

main()
