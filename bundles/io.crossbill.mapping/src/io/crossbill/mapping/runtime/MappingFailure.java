package io.crossbill.mapping.runtime;

import java.util.List;

/**
 * A record (or a design) that cannot be mapped. The message is the analyst's sentence naming the design,
 * the entity mapping, the field and the rule; {@link #problems()} holds each problem separately.
 */
public final class MappingFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<MappingProblem> problems;

	public MappingFailure(MappingProblem problem, Throwable cause) {
		super(problem.message(), cause);
		this.problems = List.of(problem);
	}

	public MappingFailure(List<MappingProblem> problems) {
		super(summary(problems));
		this.problems = List.copyOf(problems);
	}

	/** The problems behind this failure, the first one being the message. */
	public List<MappingProblem> problems() {
		return problems;
	}

	/** The class of the first problem. */
	public MappingProblem.Kind kind() {
		return problems.get(0).kind();
	}

	private static String summary(List<MappingProblem> problems) {
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("a failure needs at least one problem");
		}
		String first = problems.get(0).message();
		return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
	}
}
