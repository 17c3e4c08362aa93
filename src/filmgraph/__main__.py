from filmgraph.cli import main

main()
