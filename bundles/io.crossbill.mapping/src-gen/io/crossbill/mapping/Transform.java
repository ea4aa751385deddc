/**
 */
package io.crossbill.mapping;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;

/**
 * <!-- begin-user-doc -->
 * A representation of the literals of the enumeration '<em><b>Transform</b></em>',
 * and utility methods for working with them.
 * <!-- end-user-doc -->
 * <!-- begin-model-doc -->
 * Simple typed conversions applied in order to a rule's value, so that common rules need no expression. ROUND and the hour conversions round half-up to the rule's scale when one is set.
 * <!-- end-model-doc -->
 * @see io.crossbill.mapping.MappingPackage#getTransform()
 * @model
 * @generated
 */
public enum Transform implements Enumerator {
	/**
	 * The '<em><b>TRIM</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TRIM_VALUE
	 * @generated
	 * @ordered
	 */
	TRIM(0, "TRIM", "TRIM"),

	/**
	 * The '<em><b>UPPER</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #UPPER_VALUE
	 * @generated
	 * @ordered
	 */
	UPPER(1, "UPPER", "UPPER"),

	/**
	 * The '<em><b>LOWER</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #LOWER_VALUE
	 * @generated
	 * @ordered
	 */
	LOWER(2, "LOWER", "LOWER"),

	/**
	 * The '<em><b>TO STRING</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TO_STRING_VALUE
	 * @generated
	 * @ordered
	 */
	TO_STRING(3, "TO_STRING", "TO_STRING"),

	/**
	 * The '<em><b>TO DECIMAL</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TO_DECIMAL_VALUE
	 * @generated
	 * @ordered
	 */
	TO_DECIMAL(4, "TO_DECIMAL", "TO_DECIMAL"),

	/**
	 * The '<em><b>TO INTEGER</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TO_INTEGER_VALUE
	 * @generated
	 * @ordered
	 */
	TO_INTEGER(5, "TO_INTEGER", "TO_INTEGER"),

	/**
	 * The '<em><b>TO BOOLEAN</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TO_BOOLEAN_VALUE
	 * @generated
	 * @ordered
	 */
	TO_BOOLEAN(6, "TO_BOOLEAN", "TO_BOOLEAN"),

	/**
	 * The '<em><b>TO DATE</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * An ISO date, date-time or instant, or a Microsoft JSON date (/Date(ms+zone)/), to an ISO yyyy-MM-dd date.
	 * <!-- end-model-doc -->
	 * @see #TO_DATE_VALUE
	 * @generated
	 * @ordered
	 */
	TO_DATE(7, "TO_DATE", "TO_DATE"),

	/**
	 * The '<em><b>MINUTES TO HOURS</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MINUTES_TO_HOURS_VALUE
	 * @generated
	 * @ordered
	 */
	MINUTES_TO_HOURS(8, "MINUTES_TO_HOURS", "MINUTES_TO_HOURS"),

	/**
	 * The '<em><b>SECONDS TO HOURS</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #SECONDS_TO_HOURS_VALUE
	 * @generated
	 * @ordered
	 */
	SECONDS_TO_HOURS(9, "SECONDS_TO_HOURS", "SECONDS_TO_HOURS"),

	/**
	 * The '<em><b>HOURS TO MINUTES</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #HOURS_TO_MINUTES_VALUE
	 * @generated
	 * @ordered
	 */
	HOURS_TO_MINUTES(10, "HOURS_TO_MINUTES", "HOURS_TO_MINUTES"),

	/**
	 * The '<em><b>ROUND</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #ROUND_VALUE
	 * @generated
	 * @ordered
	 */
	ROUND(11, "ROUND", "ROUND");

	/**
	 * The '<em><b>TRIM</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TRIM
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int TRIM_VALUE = 0;

	/**
	 * The '<em><b>UPPER</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #UPPER
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int UPPER_VALUE = 1;

	/**
	 * The '<em><b>LOWER</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #LOWER
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int LOWER_VALUE = 2;

	/**
	 * The '<em><b>TO STRING</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TO_STRING
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int TO_STRING_VALUE = 3;

	/**
	 * The '<em><b>TO DECIMAL</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TO_DECIMAL
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int TO_DECIMAL_VALUE = 4;

	/**
	 * The '<em><b>TO INTEGER</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TO_INTEGER
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int TO_INTEGER_VALUE = 5;

	/**
	 * The '<em><b>TO BOOLEAN</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #TO_BOOLEAN
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int TO_BOOLEAN_VALUE = 6;

	/**
	 * The '<em><b>TO DATE</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * An ISO date, date-time or instant, or a Microsoft JSON date (/Date(ms+zone)/), to an ISO yyyy-MM-dd date.
	 * <!-- end-model-doc -->
	 * @see #TO_DATE
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int TO_DATE_VALUE = 7;

	/**
	 * The '<em><b>MINUTES TO HOURS</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #MINUTES_TO_HOURS
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int MINUTES_TO_HOURS_VALUE = 8;

	/**
	 * The '<em><b>SECONDS TO HOURS</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #SECONDS_TO_HOURS
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int SECONDS_TO_HOURS_VALUE = 9;

	/**
	 * The '<em><b>HOURS TO MINUTES</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #HOURS_TO_MINUTES
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int HOURS_TO_MINUTES_VALUE = 10;

	/**
	 * The '<em><b>ROUND</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #ROUND
	 * @model
	 * @generated
	 * @ordered
	 */
	public static final int ROUND_VALUE = 11;

	/**
	 * An array of all the '<em><b>Transform</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final Transform[] VALUES_ARRAY =
		new Transform[] {
			TRIM,
			UPPER,
			LOWER,
			TO_STRING,
			TO_DECIMAL,
			TO_INTEGER,
			TO_BOOLEAN,
			TO_DATE,
			MINUTES_TO_HOURS,
			SECONDS_TO_HOURS,
			HOURS_TO_MINUTES,
			ROUND,
		};

	/**
	 * A public read-only list of all the '<em><b>Transform</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final List<Transform> VALUES = Collections.unmodifiableList(Arrays.asList(VALUES_ARRAY));

	/**
	 * Returns the '<em><b>Transform</b></em>' literal with the specified literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param literal the literal.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static Transform get(String literal) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			Transform result = VALUES_ARRAY[i];
			if (result.toString().equals(literal)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Transform</b></em>' literal with the specified name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param name the name.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static Transform getByName(String name) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			Transform result = VALUES_ARRAY[i];
			if (result.getName().equals(name)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Transform</b></em>' literal with the specified integer value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the integer value.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static Transform get(int value) {
		switch (value) {
			case TRIM_VALUE: return TRIM;
			case UPPER_VALUE: return UPPER;
			case LOWER_VALUE: return LOWER;
			case TO_STRING_VALUE: return TO_STRING;
			case TO_DECIMAL_VALUE: return TO_DECIMAL;
			case TO_INTEGER_VALUE: return TO_INTEGER;
			case TO_BOOLEAN_VALUE: return TO_BOOLEAN;
			case TO_DATE_VALUE: return TO_DATE;
			case MINUTES_TO_HOURS_VALUE: return MINUTES_TO_HOURS;
			case SECONDS_TO_HOURS_VALUE: return SECONDS_TO_HOURS;
			case HOURS_TO_MINUTES_VALUE: return HOURS_TO_MINUTES;
			case ROUND_VALUE: return ROUND;
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
	private Transform(int value, String name, String literal) {
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
	
} //Transform
