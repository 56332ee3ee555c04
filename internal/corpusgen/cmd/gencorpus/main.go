// Command gencorpus writes the synthetic Terraform tree that the benchmarks scan.
package main

import (
	"flag"
	"fmt"
	"log"

	"github.com/aigate-dev/aigate/internal/corpusgen"
)

func main() {
	out := flag.String("out", "", "folder to write the modules into (required)")
	modules := flag.Int("modules", 200, "number of modules to write")
	seed := flag.Uint64("seed", 0, "seed of the per-module choices; the same seed writes the same tree")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		log.Fatal("gencorpus: -out is required and no arguments are taken")
	}
	lines, err := corpusgen.GenerateSeeded(*out, *modules, *seed)
	if err != nil {
		log.Fatalf("gencorpus: %v", err)
	}
	fmt.Printf("wrote %d modules, %d lines, to %s\n", *modules, lines, *out)
}
