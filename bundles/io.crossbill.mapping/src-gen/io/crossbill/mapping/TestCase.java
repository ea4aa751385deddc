/**
 */
package io.crossbill.mapping;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Test Case</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.crossbill.mapping.TestCase#getName <em>Name</em>}</li>
 *   <li>{@link io.crossbill.mapping.TestCase#getSourceEntity <em>Source Entity</em>}</li>
 *   <li>{@link io.crossbill.mapping.TestCase#getSampleJson <em>Sample Json</em>}</li>
 *   <li>{@link io.crossbill.mapping.TestCase#getExpectedJson <em>Expected Json</em>}</li>
 * </ul>
 *
 * @see io.crossbill.mapping.MappingPackage#getTestCase()
 * @model
 * @generated
 */
public interface TestCase extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see io.crossbill.mapping.MappingPackage#getTestCase_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.TestCase#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Source Entity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Which entity mapping the sample goes through; unset when the design has one.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Source Entity</em>' attribute.
	 * @see #setSourceEntity(String)
	 * @see io.crossbill.mapping.MappingPackage#getTestCase_SourceEntity()
	 * @model
	 * @generated
	 */
	String getSourceEntity();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.TestCase#getSourceEntity <em>Source Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Entity</em>' attribute.
	 * @see #getSourceEntity()
	 * @generated
	 */
	void setSourceEntity(String value);

	/**
	 * Returns the value of the '<em><b>Sample Json</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Sample Json</em>' attribute.
	 * @see #setSampleJson(String)
	 * @see io.crossbill.mapping.MappingPackage#getTestCase_SampleJson()
	 * @model
	 * @generated
	 */
	String getSampleJson();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.TestCase#getSampleJson <em>Sample Json</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Sample Json</em>' attribute.
	 * @see #getSampleJson()
	 * @generated
	 */
	void setSampleJson(String value);

	/**
	 * Returns the value of the '<em><b>Expected Json</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Expected Json</em>' attribute.
	 * @see #setExpectedJson(String)
	 * @see io.crossbill.mapping.MappingPackage#getTestCase_ExpectedJson()
	 * @model
	 * @generated
	 */
	String getExpectedJson();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.TestCase#getExpectedJson <em>Expected Json</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Expected Json</em>' attribute.
	 * @see #getExpectedJson()
	 * @generated
	 */
	void setExpectedJson(String value);

} // TestCase
