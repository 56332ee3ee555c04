// Package integrationtest checks the integrations shipped at the root of the repository, from the
// outside and with the tools that consume them: the pre-commit hooks through pre-commit itself, the
// GitHub Action's scripts the way the runner runs them, and the problem matchers against real output.
// It holds no code of its own; everything is in its tests.
package integrationtest
