/**
 */
package io.crossbill.mapping;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;

/**
 * <!-- begin-user-doc -->
 * A representation of the literals of the enumeration '<em><b>Rule Kind</b></em>',
 * and utility methods for working with them.
 * <!-- end-user-doc -->
 * @see io.crossbill.mapping.MappingPackage#getRuleKind()
 * @model
 * @generated
 */
public enum RuleKind implements Enumerator {
	/**
	 * The '<em><b>COPY</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The value at the source path, after the transforms.
	 * <!-- end-model-doc -->
	 * @see #COPY_VALUE
	 * @generated
	 * @ordered
	 */
	COPY(0, "COPY", "COPY"),

	/**
	 * The '<em><b>CONSTANT</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The rule's value: a JSON literal (42, true, "x") or, when it is not valid JSON, the text itself.
	 * <!-- end-model-doc -->
	 * @see #CONSTANT_VALUE
	 * @generated
	 * @ordered
	 */
	CONSTANT(1, "CONSTANT", "CONSTANT"),

	/**
	 * The '<em><b>EXPRESSION</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * A JSONata expression, evaluated against the whole source record, or against each value of the source path when one is given.
	 * <!-- end-model-doc -->
	 * @see #EXPRESSION_VALUE
	 * @generated
	 * @ordered
	 */
	EXPRESSION(2, "EXPRESSION", "EXPRESSION"),

	/**
	 * The '<em><b>VALUE MAP</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The source value translated through the rule's entries; an unmatched value takes the rule's unmatched value, or is reported.
	 * <!-- end-model-doc -->
	 * @see #VALUE_MAP_VALUE
	 * @generated
	 * @ordered
	 */
	VALUE_MAP(3, "VALUE_MAP", "VALUE_MAP"),

	/**
	 * The '<em><b>LOOKUP</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The source value is a system's id; the result is the canonical id the cross-references hold for it (lookup system and entity).
	 * <!-- end-model-doc -->
	 * @see #LOOKUP_VALUE
	 * @generated
	 * @ordered
	 */
	LOOKUP(4, "LOOKUP", "LOOKUP");

	/**
	 * The '<em><b>COPY</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The value at the source path, after the transforms.
	 * <!-- end-model-doc -->
	 * @see #COPY
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int COPY_VALUE = 0;

	/**
	 * The '<em><b>CONSTANT</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The rule's value: a JSON literal (42, true, "x") or, when it is not valid JSON, the text itself.
	 * <!-- end-model-doc -->
	 * @see #CONSTANT
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int CONSTANT_VALUE = 1;

	/**
	 * The '<em><b>EXPRESSION</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * A JSONata expression, evaluated against the whole source record, or against each value of the source path when one is given.
	 * <!-- end-model-doc -->
	 * @see #EXPRESSION
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int EXPRESSION_VALUE = 2;

	/**
	 * The '<em><b>VALUE MAP</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The source value translated through the rule's entries; an unmatched value takes the rule's unmatched value, or is reported.
	 * <!-- end-model-doc -->
	 * @see #VALUE_MAP
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int VALUE_MAP_VALUE = 3;

	/**
	 * The '<em><b>LOOKUP</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The source value is a system's id; the result is the canonical id the cross-references hold for it (lookup system and entity).
	 * <!-- end-model-doc -->
	 * @see #LOOKUP
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int LOOKUP_VALUE = 4;

	/**
	 * An array of all the '<em><b>Rule Kind</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final RuleKind[] VALUES_ARRAY =
		new RuleKind[] {
			COPY,
			CONSTANT,
			EXPRESSION,
			VALUE_MAP,
			LOOKUP,
		};

	/**
	 * A public read-only list of all the '<em><b>Rule Kind</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final List<RuleKind> VALUES = Collections.unmodifiableList(Arrays.asList(VALUES_ARRAY));

	/**
	 * Returns the '<em><b>Rule Kind</b></em>' literal with the specified literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param literal the literal.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static RuleKind get(String literal) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			RuleKind result = VALUES_ARRAY[i];
			if (result.toString().equals(literal)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Rule Kind</b></em>' literal with the specified name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param name the name.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static RuleKind getByName(String name) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			RuleKind result = VALUES_ARRAY[i];
			if (result.getName().equals(name)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Rule Kind</b></em>' literal with the specified integer value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the integer value.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static RuleKind get(int value) {
		switch (value) {
			case COPY_VALUE: return COPY;
			case CONSTANT_VALUE: return CONSTANT;
			case EXPRESSION_VALUE: return EXPRESSION;
			case VALUE_MAP_VALUE: return VALUE_MAP;
			case LOOKUP_VALUE: return LOOKUP;
		}
		return null;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final int value;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String name;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String literal;

	/**
	 * Only this class can construct instances.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private RuleKind(int value, String name, String literal) {
		this.value = value;
		this.name = name;
		this.literal = literal;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getValue() {
	  return value;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName() {
	  return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getLiteral() {
	  return literal;
	}

	/**
	 * Returns the literal value of the enumerator, which is its string representation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		return literal;
	}
	
} //RuleKind
