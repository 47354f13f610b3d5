from meta_optout_assist.cli import main

main()
