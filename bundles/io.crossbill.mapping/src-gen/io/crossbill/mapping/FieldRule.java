/**
 */
package io.crossbill.mapping;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Field Rule</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * How one target field gets its value.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.crossbill.mapping.FieldRule#getTargetPath <em>Target Path</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getKind <em>Kind</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getSourcePath <em>Source Path</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getValue <em>Value</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getExpression <em>Expression</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getValueMap <em>Value Map</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getUnmatchedValue <em>Unmatched Value</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getLookupSystem <em>Lookup System</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getLookupEntity <em>Lookup Entity</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getDefaultValue <em>Default Value</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#isRequired <em>Required</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getTransforms <em>Transforms</em>}</li>
 *   <li>{@link io.crossbill.mapping.FieldRule#getScale <em>Scale</em>}</li>
 * </ul>
 *
 * @see io.crossbill.mapping.MappingPackage#getFieldRule()
 * @model
 * @generated
 */
public interface FieldRule extends EObject {
	/**
	 * Returns the value of the '<em><b>Target Path</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Target Path</em>' attribute.
	 * @see #setTargetPath(String)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_TargetPath()
	 * @model required="true"
	 * @generated
	 */
	String getTargetPath();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#getTargetPath <em>Target Path</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Target Path</em>' attribute.
	 * @see #getTargetPath()
	 * @generated
	 */
	void setTargetPath(String value);

	/**
	 * Returns the value of the '<em><b>Kind</b></em>' attribute.
	 * The literals are from the enumeration {@link io.crossbill.mapping.RuleKind}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Kind</em>' attribute.
	 * @see io.crossbill.mapping.RuleKind
	 * @see #setKind(RuleKind)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_Kind()
	 * @model
	 * @generated
	 */
	RuleKind getKind();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#getKind <em>Kind</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Kind</em>' attribute.
	 * @see io.crossbill.mapping.RuleKind
	 * @see #getKind()
	 * @generated
	 */
	void setKind(RuleKind value);

	/**
	 * Returns the value of the '<em><b>Source Path</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Source Path</em>' attribute.
	 * @see #setSourcePath(String)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_SourcePath()
	 * @model
	 * @generated
	 */
	String getSourcePath();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#getSourcePath <em>Source Path</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Path</em>' attribute.
	 * @see #getSourcePath()
	 * @generated
	 */
	void setSourcePath(String value);

	/**
	 * Returns the value of the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The value of a CONSTANT rule.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Value</em>' attribute.
	 * @see #setValue(String)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_Value()
	 * @model
	 * @generated
	 */
	String getValue();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#getValue <em>Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Value</em>' attribute.
	 * @see #getValue()
	 * @generated
	 */
	void setValue(String value);

	/**
	 * Returns the value of the '<em><b>Expression</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The JSONata expression of an EXPRESSION rule.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Expression</em>' attribute.
	 * @see #setExpression(String)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_Expression()
	 * @model
	 * @generated
	 */
	String getExpression();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#getExpression <em>Expression</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Expression</em>' attribute.
	 * @see #getExpression()
	 * @generated
	 */
	void setExpression(String value);

	/**
	 * Returns the value of the '<em><b>Value Map</b></em>' containment reference list.
	 * The list contents are of type {@link io.crossbill.mapping.ValueMapEntry}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Value Map</em>' containment reference list.
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_ValueMap()
	 * @model containment="true"
	 * @generated
	 */
	EList<ValueMapEntry> getValueMap();

	/**
	 * Returns the value of the '<em><b>Unmatched Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * What a VALUE_MAP gives for a value none of its entries match; when unset, such a value is reported.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Unmatched Value</em>' attribute.
	 * @see #setUnmatchedValue(String)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_UnmatchedValue()
	 * @model
	 * @generated
	 */
	String getUnmatchedValue();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#getUnmatchedValue <em>Unmatched Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Unmatched Value</em>' attribute.
	 * @see #getUnmatchedValue()
	 * @generated
	 */
	void setUnmatchedValue(String value);

	/**
	 * Returns the value of the '<em><b>Lookup System</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The system whose id the source value is; unset means the design's system.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Lookup System</em>' attribute.
	 * @see #setLookupSystem(String)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_LookupSystem()
	 * @model
	 * @generated
	 */
	String getLookupSystem();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#getLookupSystem <em>Lookup System</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Lookup System</em>' attribute.
	 * @see #getLookupSystem()
	 * @generated
	 */
	void setLookupSystem(String value);

	/**
	 * Returns the value of the '<em><b>Lookup Entity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Lookup Entity</em>' attribute.
	 * @see #setLookupEntity(String)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_LookupEntity()
	 * @model
	 * @generated
	 */
	String getLookupEntity();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#getLookupEntity <em>Lookup Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Lookup Entity</em>' attribute.
	 * @see #getLookupEntity()
	 * @generated
	 */
	void setLookupEntity(String value);

	/**
	 * Returns the value of the '<em><b>Default Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Used, as a JSON literal or text, when the rule finds no value (source missing or null).
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Default Value</em>' attribute.
	 * @see #setDefaultValue(String)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_DefaultValue()
	 * @model
	 * @generated
	 */
	String getDefaultValue();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#getDefaultValue <em>Default Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Default Value</em>' attribute.
	 * @see #getDefaultValue()
	 * @generated
	 */
	void setDefaultValue(String value);

	/**
	 * Returns the value of the '<em><b>Required</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * A record whose rule ends without a value (after the default) is reported.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Required</em>' attribute.
	 * @see #setRequired(boolean)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_Required()
	 * @model
	 * @generated
	 */
	boolean isRequired();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#isRequired <em>Required</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Required</em>' attribute.
	 * @see #isRequired()
	 * @generated
	 */
	void setRequired(boolean value);

	/**
	 * Returns the value of the '<em><b>Transforms</b></em>' attribute list.
	 * The list contents are of type {@link io.crossbill.mapping.Transform}.
	 * The literals are from the enumeration {@link io.crossbill.mapping.Transform}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Transforms</em>' attribute list.
	 * @see io.crossbill.mapping.Transform
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_Transforms()
	 * @model unique="false"
	 * @generated
	 */
	EList<Transform> getTransforms();

	/**
	 * Returns the value of the '<em><b>Scale</b></em>' attribute.
	 * The default value is <code>"-1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Decimal places the numeric transforms round to (half-up); -1 keeps the exact result.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Scale</em>' attribute.
	 * @see #setScale(int)
	 * @see io.crossbill.mapping.MappingPackage#getFieldRule_Scale()
	 * @model default="-1"
	 * @generated
	 */
	int getScale();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.FieldRule#getScale <em>Scale</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Scale</em>' attribute.
	 * @see #getScale()
	 * @generated
	 */
	void setScale(int value);

} // FieldRule
