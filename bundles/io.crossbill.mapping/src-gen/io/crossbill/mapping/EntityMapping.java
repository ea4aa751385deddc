/**
 */
package io.crossbill.mapping;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Entity Mapping</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * How one source entity becomes one target entity.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.crossbill.mapping.EntityMapping#getSourceEntity <em>Source Entity</em>}</li>
 *   <li>{@link io.crossbill.mapping.EntityMapping#getTargetEntity <em>Target Entity</em>}</li>
 *   <li>{@link io.crossbill.mapping.EntityMapping#getArrayPath <em>Array Path</em>}</li>
 *   <li>{@link io.crossbill.mapping.EntityMapping#getRules <em>Rules</em>}</li>
 * </ul>
 *
 * @see io.crossbill.mapping.MappingPackage#getEntityMapping()
 * @model
 * @generated
 */
public interface EntityMapping extends EObject {
	/**
	 * Returns the value of the '<em><b>Source Entity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Source Entity</em>' attribute.
	 * @see #setSourceEntity(String)
	 * @see io.crossbill.mapping.MappingPackage#getEntityMapping_SourceEntity()
	 * @model required="true"
	 * @generated
	 */
	String getSourceEntity();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.EntityMapping#getSourceEntity <em>Source Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Entity</em>' attribute.
	 * @see #getSourceEntity()
	 * @generated
	 */
	void setSourceEntity(String value);

	/**
	 * Returns the value of the '<em><b>Target Entity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * INBOUND: the canonical EClass name (TimeEntry, Invoice); OUTBOUND: the system's entity name.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Target Entity</em>' attribute.
	 * @see #setTargetEntity(String)
	 * @see io.crossbill.mapping.MappingPackage#getEntityMapping_TargetEntity()
	 * @model required="true"
	 * @generated
	 */
	String getTargetEntity();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.EntityMapping#getTargetEntity <em>Target Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Target Entity</em>' attribute.
	 * @see #getTargetEntity()
	 * @generated
	 */
	void setTargetEntity(String value);

	/**
	 * Returns the value of the '<em><b>Array Path</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * <!-- begin-model-doc -->
	 * Optional source path of an array (e.g. TimeEntries[*]); when set, each element is mapped to a record of its own.
	 * <!-- end-model-doc -->
	 * @return the value of the '<em>Array Path</em>' attribute.
	 * @see #setArrayPath(String)
	 * @see io.crossbill.mapping.MappingPackage#getEntityMapping_ArrayPath()
	 * @model
	 * @generated
	 */
	String getArrayPath();

	/**
	 * Sets the value of the '{@link io.crossbill.mapping.EntityMapping#getArrayPath <em>Array Path</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Array Path</em>' attribute.
	 * @see #getArrayPath()
	 * @generated
	 */
	void setArrayPath(String value);

	/**
	 * Returns the value of the '<em><b>Rules</b></em>' containment reference list.
	 * The list contents are of type {@link io.crossbill.mapping.FieldRule}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Rules</em>' containment reference list.
	 * @see io.crossbill.mapping.MappingPackage#getEntityMapping_Rules()
	 * @model containment="true"
	 * @generated
	 */
	EList<FieldRule> getRules();

} // EntityMapping
