/**
 */
package io.crossbill.mapping;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Design</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * One versioned mapping between a system and the canonical model, in one direction.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.crossbill.mapping.MappingDesign#getName <em>Name</em>}</li>
 *   <li>{@link io.crossbill.mapping.MappingDesign#getVersion <em>Version</em>}</li>
 *   <li>{@link io.crossbill.mapping.MappingDesign#getSystem <em>System</em>}</li>
 *   <li>{@link io.crossbill.mapping.MappingDesign#getDescription <em>Description</em>}</li>
 *   <li>{@link io.crossbill.mapping.MappingDesign#getDirection <em>Direction</em>}</li>
 *   <li>{@link io.crossbill.mapping.MappingDesign#getEntityMappings <em>Entity Mappings</em>}</li>
 *   <li>{@link io.crossbill.mapping.MappingDesign#getTestCases <em>Test Cases</em>}</li>
 * </ul>
 *
 * @see io.crossbill.mapping.MappingPackage#getMappingDesign()
 * @model
 * @generated
 */
public interface MappingDesign extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see io.crossbill.mapping.MappingPackage#getMappingDesign_Name()
	 * @model required="true"
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.MappingDesign#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Version</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Raised on every published change; the runtime compiles each name and version once.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Version</em>' attribute.
	 * @see #setVersion(int)
	 * @see io.crossbill.mapping.MappingPackage#getMappingDesign_Version()
	 * @model default="1"
	 * @generated
	 */
	int getVersion();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.MappingDesign#getVersion <em>Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Version</em>' attribute.
	 * @see #getVersion()
	 * @generated
	 */
	void setVersion(int value);

	/**
	 * Returns the value of the '<em><b>System</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * The connection's name, e.g. xero, hubspot, kantata.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>System</em>' attribute.
	 * @see #setSystem(String)
	 * @see io.crossbill.mapping.MappingPackage#getMappingDesign_System()
	 * @model
	 * @generated
	 */
	String getSystem();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.MappingDesign#getSystem <em>System</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>System</em>' attribute.
	 * @see #getSystem()
	 * @generated
	 */
	void setSystem(String value);

	/**
	 * Returns the value of the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Description</em>' attribute.
	 * @see #setDescription(String)
	 * @see io.crossbill.mapping.MappingPackage#getMappingDesign_Description()
	 * @model
	 * @generated
	 */
	String getDescription();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.MappingDesign#getDescription <em>Description</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Description</em>' attribute.
	 * @see #getDescription()
	 * @generated
	 */
	void setDescription(String value);

	/**
	 * Returns the value of the '<em><b>Direction</b></em>' attribute.
	 * The literals are from the enumeration {@link io.crossbill.mapping.Direction}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Direction</em>' attribute.
	 * @see io.crossbill.mapping.Direction
	 * @see #setDirection(Direction)
	 * @see io.crossbill.mapping.MappingPackage#getMappingDesign_Direction()
	 * @model
	 * @generated
	 */
	Direction getDirection();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.MappingDesign#getDirection <em>Direction</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Direction</em>' attribute.
	 * @see io.crossbill.mapping.Direction
	 * @see #getDirection()
	 * @generated
	 */
	void setDirection(Direction value);

	/**
	 * Returns the value of the '<em><b>Entity Mappings</b></em>' containment reference list.
	 * The list contents are of type {@link io.crossbill.mapping.EntityMapping}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Entity Mappings</em>' containment reference list.
	 * @see io.crossbill.mapping.MappingPackage#getMappingDesign_EntityMappings()
	 * @model containment="true"
	 * @generated
	 */
	EList<EntityMapping> getEntityMappings();

	/**
	 * Returns the value of the '<em><b>Test Cases</b></em>' containment reference list.
	 * The list contents are of type {@link io.crossbill.mapping.TestCase}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Golden samples kept with the design: a source record and the output it must map to.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Test Cases</em>' containment reference list.
	 * @see io.crossbill.mapping.MappingPackage#getMappingDesign_TestCases()
	 * @model containment="true"
	 * @generated
	 */
	EList<TestCase> getTestCases();

} // MappingDesign
